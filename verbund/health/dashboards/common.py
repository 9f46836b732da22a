"""What every dashboard shares: the months a chart covers, the stage order."""

from __future__ import annotations

import datetime as dt

from django.utils import formats, timezone

from verbund.health.models import Light
from verbund.health.params import DEFAULTS
from verbund.lib import money
from verbund.partnerships.models import Stage
from verbund.partnerships.stages import PATH

MONTHS = 12  # the charts look back one year
PERIOD_DAYS = {"month": 365 / 12, "quarter": 365 / 4, "year": 365}
# Below this share of the pro-rated target a KPI row is highlighted (the kpi_shortfall rule's
# default, so the chart and the alert agree).
KPI_BEHIND = DEFAULTS.kpi_shortfall_attainment
MONEY_KPIS = money.MONEY_KPIS  # one list for pages, reports and the health core
STAGE_ORDER = [*PATH, Stage.PAUSED, Stage.ENDED]


def months_back(today: dt.date, count: int = MONTHS) -> list[dt.date]:
    """The first days of the last ``count`` months, oldest first, this month last."""
    first = today.replace(day=1)
    months = []
    for back in range(count - 1, -1, -1):
        year, month = divmod(first.year * 12 + first.month - 1 - back, 12)
        months.append(dt.date(year, month + 1, 1))
    return months


def month_label(month: dt.date) -> str:
    return formats.date_format(month, "M Y")


def month_key(value: dt.datetime | dt.date) -> dt.date:
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        return value.date().replace(day=1)
    return value.replace(day=1)


def start_of(month: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(month, dt.time.min))


def path_position(stage: str) -> int:
    return PATH.index(stage) if stage in PATH else -1


LIGHTS = (Light.GREEN, Light.YELLOW, Light.RED, Light.GREY)
LIGHT_COLOURS = {"green": "#2e7d32", "yellow": "#f9a825", "red": "#c62828", "grey": "#9e9e9e"}
LIGHT_PATTERNS = {"green": "solid", "yellow": "stripes", "red": "cross", "grey": "dots"}
