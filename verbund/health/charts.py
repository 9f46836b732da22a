"""A chart as the dashboards hand it to a template: the figures once, drawn twice — as a canvas by
``static/verbund/charts.js`` (from ``spec``, put on the page with ``json_script``) and as a plain
table (``rows``) with the same figures, formatted in the reader's language."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import formats

from verbund.lib.money import euros

UNITS = ("count", "eur", "percent", "score", "points")
Number = int | float | Decimal | None


@dataclass(frozen=True)
class Series:
    label: str
    values: Sequence[Number]
    style: int | None = None  # line dash / point shape / bar pattern; default: its position
    colors: Sequence[str] = ()  # one per bar (health distribution: the light's own colour)
    patterns: Sequence[str] = ()  # one per bar, see charts.js PATTERNS


@dataclass(frozen=True)
class Chart:
    key: str  # stable, for tests and the element ids
    title: str
    kind: str  # "line" or "bar"
    category: str  # heading of the first table column (month, KPI, party …)
    labels: Sequence[str]
    series: Sequence[Series]
    unit: str = "count"
    horizontal: bool = False
    stacked: bool = False
    minimum: float | None = None
    maximum: float | None = None
    suggested_maximum: float | None = None  # the axis reaches at least this far (100 %)
    note: str = ""  # one sentence under the chart (e.g. what a highlighted row means)
    # Said instead of the drawing when there is nothing to draw yet although the table has rows
    # worth reading (a new agreement's KPIs: recorded, expected, target); the table stays shown.
    empty_note: str = ""
    highlight: Sequence[bool] = field(default_factory=tuple)  # table rows to emphasise
    zero_is_a_figure: bool = False
    # Further table columns that are not drawn (header, one text per label), e.g. a KPI's target.
    extra_columns: Sequence[tuple[str, Sequence[str]]] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        if self.kind not in ("line", "bar") or self.unit not in UNITS:
            raise ValueError(f"chart {self.key}: unknown kind or unit")
        for series in self.series:
            if len(series.values) != len(self.labels):
                raise ValueError(f"chart {self.key}: {series.label} has the wrong length")
        for header, cells in self.extra_columns:
            if len(cells) != len(self.labels):
                raise ValueError(f"chart {self.key}: column {header} has the wrong length")

    @property
    def element_id(self) -> str:
        return f"chart-{self.key}"

    @property
    def is_empty(self) -> bool:
        """Nothing to draw: no labels, or no figure at all (zeros count as nothing unless
        ``zero_is_a_figure``, as 0 % of a KPI target is)."""
        nothing = (None,) if self.zero_is_a_figure else (None, 0)
        return not self.labels or all(
            value in nothing for series in self.series for value in series.values
        )

    def spec(self) -> dict:
        """What charts.js draws (numbers as floats: JSON has no Decimal)."""
        spec: dict = {
            "kind": self.kind,
            "unit": self.unit,
            "horizontal": self.horizontal,
            "stacked": self.stacked,
            "labels": list(self.labels),
            "series": [],
        }
        for series in self.series:
            entry: dict = {
                "label": series.label,
                "values": [None if v is None else float(v) for v in series.values],
            }
            if series.style is not None:
                entry["style"] = series.style
            if series.colors:
                entry["colors"] = list(series.colors)
            if series.patterns:
                entry["patterns"] = list(series.patterns)
            spec["series"].append(entry)
        if self.minimum is not None:
            spec["min"] = self.minimum
        if self.maximum is not None:
            spec["max"] = self.maximum
        if self.suggested_maximum is not None:
            spec["suggestedMax"] = self.suggested_maximum
        return spec

    def header(self) -> list[str]:
        return [
            self.category,
            *(series.label for series in self.series),
            *(header for header, _cells in self.extra_columns),
        ]

    def rows(self) -> list[tuple[bool, list[str]]]:
        """(highlighted, cells) per label: the table fallback, with the same figures."""
        highlight = list(self.highlight) + [False] * (len(self.labels) - len(self.highlight))
        return [
            (
                highlight[i],
                [
                    label,
                    *(format_value(series.values[i], self.unit) for series in self.series),
                    *(cells[i] for _header, cells in self.extra_columns),
                ],
            )
            for i, label in enumerate(self.labels)
        ]


def format_value(value: Number, unit: str) -> str:
    """A figure in the active language: ``1.234 €`` in German, ``€ 1.234`` style left to Django's
    number format; missing figures are a dash."""
    if value is None:
        return "–"
    if unit == "count":
        return formats.number_format(int(value), 0, use_l10n=True, force_grouping=True)
    if unit == "eur":
        return euros(Decimal(value))
    if unit == "percent":
        return f"{formats.number_format(round(float(value)), 0, use_l10n=True)} %"
    return formats.number_format(round(float(value), 1), 1, use_l10n=True)
