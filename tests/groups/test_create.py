"""The network's coordination creates a referral group, on a page and through the API: the
rhythm, weekday, time and place as entered, the leader in the leader team; bad input named."""

from __future__ import annotations

import json
from datetime import time

from django.urls import reverse

from tests.conftest import World
from verbund.groups.models import Group, Officer


def _form(**changes) -> dict:
    data = {"name": "Empfehlungsgruppe Gronau", "rhythm": "fortnightly", "weekday": "1",
            "meeting_time": "07:30", "location": "Hotel Driland, Gronau", "leader": ""}  # fmt: skip
    return data | changes


def test_the_coordinator_creates_a_group_with_its_leader(world: World):
    client = world.client_for("coordinator")
    page = client.get(reverse("groups:new")).content.decode()
    assert world.users["member"].email in page  # people of the network to choose as leader
    assert world.users["other_network"].email not in page
    response = client.post(reverse("groups:new"), _form(leader=str(world.users["member"].pk)))
    group = Group.objects.get(name="Empfehlungsgruppe Gronau")
    assert response.status_code == 302
    assert response["Location"] == reverse("groups:detail", args=[group.pk])
    assert (group.network_id, group.rhythm, group.weekday) == (world.alpha.pk, "fortnightly", 1)
    assert group.meeting_time == time(7, 30) and group.location == "Hotel Driland, Gronau"
    leader = Officer.objects.get(group=group)
    assert (leader.user, leader.role) == (world.users["member"], Officer.Role.LEADER)
    # The leader now sees the group.
    assert (
        world.client_for("member").get(reverse("groups:detail", args=[group.pk])).status_code == 200
    )


def test_the_list_offers_the_new_group_to_coordinators_only(world: World):
    assert (
        'data-testid="group-new"'
        in world.client_for("coordinator").get(reverse("groups:list")).content.decode()
    )
    assert (
        'data-testid="group-new"'
        not in world.client_for("member").get(reverse("groups:list")).content.decode()
    )


def test_bad_input_is_named_per_field_and_kept(world: World):
    client = world.client_for("coordinator")
    response = client.post(
        reverse("groups:new"), _form(name="", meeting_time="25:99", weekday="9", leader="424242")
    )
    assert response.status_code == 422
    errors = response.context["form"].errors
    assert set(errors) == {"name", "meeting_time", "weekday", "leader"}
    assert "Hotel Driland, Gronau" in response.content.decode()  # nothing entered is lost
    assert not Group.objects.exists()


def test_the_api_creates_a_group_for_the_coordination(world: World):
    client = world.client_for("coordinator")
    payload = {"network": "alpha", "name": "Empfehlungsgruppe Gronau", "rhythm": "monthly",
               "weekday": 4, "meeting_time": "18:00", "location": "Rathaus",
               "leader_email": world.users["member"].email}  # fmt: skip
    response = client.post("/api/v1/groups", json.dumps(payload), content_type="application/json")
    assert response.status_code == 201, response.content
    body = response.json()
    group = Group.objects.get(pk=body["id"])
    assert body["network"] == "alpha" and body["members"] == 0
    assert (group.rhythm, group.weekday, group.meeting_time) == ("monthly", 4, time(18, 0))
    assert Officer.objects.filter(group=group, role="leader", user=world.users["member"]).exists()


def test_the_api_refuses_a_leader_from_another_network_and_names_the_field(world: World):
    client = world.client_for("coordinator")
    payload = {"network": "alpha", "name": "Gruppe", "leader_email": "coordinator@beta.example"}
    response = client.post("/api/v1/groups", json.dumps(payload), content_type="application/json")
    assert response.status_code == 422
    assert "leader" in response.content.decode()
    assert not Group.objects.exists()
    other = client.post(
        "/api/v1/groups", json.dumps({"network": "beta", "name": "Fremd"}),
        content_type="application/json",
    )  # fmt: skip
    assert other.status_code == 404
