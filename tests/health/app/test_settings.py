"""A network's health settings: every bad field named in the reader's language, nothing saved
then; a saved override changes what the rules find; the command shows and changes them."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse

from tests.health.app.django_world import backdate
from verbund.health import services
from verbund.health.models import HealthAlert, NetworkHealthSettings
from verbund.health.settings_form import validate_overrides


def test_each_bad_setting_is_named_with_its_problem():
    with pytest.raises(ValidationError) as error:
        validate_overrides({"green_from": "hoch", "window_days": 3, "colour": 1, "red_below": 50})
    problems = error.value.message_dict
    assert set(problems) == {"green_from", "window_days", "colour"}
    assert validate_overrides({"green_from": "75,5", "stalled_days": {"pilot": 200}}) == {
        "green_from": 75.5,
        "stalled_days": {"pilot": 200},
    }
    with pytest.raises(ValidationError) as error:
        validate_overrides({"red_below": 80})  # above the default green_from 70
    assert list(error.value.message_dict) == ["red_below"]


def test_the_coordinator_changes_a_setting_on_the_page_and_a_bad_value_is_refused(world):
    client = world.client_for("coordinator")
    url = reverse("health:settings", args=["alpha"])
    refused = client.post(url, {"green_from": "viel", "window_days": "200"})
    assert refused.status_code == 400
    assert "Geben Sie eine Zahl ein." in refused.content.decode()
    assert not NetworkHealthSettings.objects.filter(network=world.alpha).exists()
    assert client.post(url, {"window_days": "200", "green_from": "70"}).status_code == 302
    assert NetworkHealthSettings.objects.get(network=world.alpha).overrides == {"window_days": 200}


def test_an_override_changes_what_the_rules_find(world, partnership):
    backdate(partnership, 50)  # `contacted` for 50 days: stalled after the default 45
    services.health_settings_update(
        network=world.alpha, changes={"stalled_days": {"contacted": 60}}
    )
    services.health_refresh(partnership_id=partnership.pk)
    assert not HealthAlert.objects.filter(partnership=partnership).exists()
    services.health_settings_update(network=world.alpha, changes={"stalled_days": None})
    services.health_refresh(partnership_id=partnership.pk)
    assert HealthAlert.objects.get(partnership=partnership).kind == "stalled_stage"


def test_the_command_shows_sets_and_resets(world, capsys):
    call_command("health_settings", "--network", "alpha", "--set", "green_from=75",
                 "--set", "stalled_days.pilot=200")  # fmt: skip
    out = capsys.readouterr().out
    assert "* green_from = 75.0" in out and '"pilot": 200' in out
    with pytest.raises(CommandError, match="green_from"):
        call_command("health_settings", "--network", "alpha", "--set", "green_from=x")
    call_command("health_settings", "--network", "alpha", "--reset", "green_from")
    overrides = NetworkHealthSettings.objects.get(network=world.alpha).overrides
    assert overrides == {"stalled_days": {"pilot": 200}}


def test_saving_recomputes_the_network_with_the_new_values(
    world, partnership, django_capture_on_commit_callbacks
):
    """The coordinator sees what a changed value does without waiting for the daily run."""
    backdate(partnership, 50)  # `contacted` for 50 days: stalled after the default 45
    services.health_refresh(partnership_id=partnership.pk)
    stalled = HealthAlert.objects.get(partnership=partnership, kind="stalled_stage")
    assert stalled.status == HealthAlert.Status.OPEN
    client = world.client_for("coordinator")
    url = reverse("health:settings", args=["alpha"])
    with django_capture_on_commit_callbacks(execute=True):
        page = client.post(url, {"stalled_days.contacted": "60"}, follow=True).content.decode()
    assert "wird mit den neuen Werten neu berechnet" in page
    stalled.refresh_from_db()
    assert stalled.status == HealthAlert.Status.RESOLVED  # 50 days is no longer stalled


def test_the_page_names_every_setting_in_the_readers_language_with_help(world):
    client = world.client_for("coordinator")  # German
    page = client.get(reverse("health:settings", args=["alpha"])).content.decode()
    assert "Zeitfenster (Tage)" in page
    assert "Zählungen, Belege und Aktivität blicken so viele Tage zurück." in page
    assert "Wahrscheinlichkeit, die die Warnung öffnet" in page
    assert 'value="0,00001"' in page and "1e-05" not in page
    # One number per stage, the stage named as on the partnership page, no JSON to edit.
    assert "Tage in „Pilot“, bis die Phase als stockend gilt" in page
    assert 'name="stalled_days.pilot" value="240"' in page
    assert "{&quot;" not in page and "<code>window_days</code>" not in page
    coordinator = world.users["coordinator"]
    coordinator.language = "nl"
    coordinator.save(update_fields=["language"])
    dutch = world.client_for("coordinator").get(reverse("health:settings", args=["alpha"]))
    assert "Dagen in ‘Pilot’ voordat de fase als vastgelopen geldt" in dutch.content.decode()


def test_an_error_names_the_field_by_its_label(world):
    client = world.client_for("coordinator")
    url = reverse("health:settings", args=["alpha"])
    refused = client.post(url, {"window_days": "lang", "stalled_days.pilot": "bald"})
    assert refused.status_code == 400
    page = refused.content.decode()
    assert "Zeitfenster (Tage)</a>: Geben Sie eine Zahl ein." in page
    assert "Tage in „Pilot“, bis die Phase als stockend gilt</a>: Geben Sie eine Zahl ein." in page
    assert "window_days:" not in page
    assert not NetworkHealthSettings.objects.filter(network=world.alpha).exists()


def test_one_stage_changed_keeps_the_others_and_all_defaults_reset(world):
    client = world.client_for("coordinator")
    url = reverse("health:settings", args=["alpha"])
    stages = {"stalled_days.identified": "60", "stalled_days.contacted": "45",
              "stalled_days.exploring": "", "stalled_days.pilot": "200"}  # fmt: skip
    assert client.post(url, stages).status_code == 302
    assert NetworkHealthSettings.objects.get(network=world.alpha).overrides == {
        "stalled_days": {"identified": 60, "contacted": 45, "exploring": 120, "pilot": 200}
    }
    assert client.post(url, stages | {"stalled_days.pilot": "240"}).status_code == 302
    assert NetworkHealthSettings.objects.get(network=world.alpha).overrides == {}


def test_the_settings_are_reached_from_the_dashboard_and_the_network_page(world):
    client = world.client_for("coordinator")
    target = reverse("health:settings", args=["alpha"])
    for page in ("dashboards:network", "tenancy:network"):
        assert f'href="{target}"' in client.get(reverse(page, args=["alpha"])).content.decode()
