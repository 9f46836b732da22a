from __future__ import annotations

import pytest
from django.test import Client
from openapi_spec_validator import validate

from tests.conftest import World


def test_openapi_document_is_valid_openapi_3(db):
    response = Client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = response.json()
    validate(document)
    assert document["openapi"].startswith("3.")
    assert {"/api/v1/me", "/api/v1/networks", "/api/v1/companies/{company_id}"} <= set(
        document["paths"]
    )


def test_missing_token_gets_a_json_error_with_a_stable_code(db):
    response = Client().get("/api/v1/me")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthorised"


def test_garbage_token_is_refused(db):
    response = Client().get("/api/v1/me", headers={"Authorization": "Bearer vbd_nope"})
    assert response.status_code == 401


def test_unknown_company_is_a_json_404(world: World):
    token = world.token_for("member")
    response = Client().get(
        "/api/v1/companies/987654", headers={"Authorization": f"Bearer {token}"}
    )
    assert response.status_code == 404
    assert response.json() == {"error": {"code": "not_found", "message": "Nicht gefunden."}}


def test_malformed_path_parameter_is_a_json_validation_error(world: World):
    token = world.token_for("member")
    response = Client().get("/api/v1/companies/abc", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid"


def test_coordinator_sees_network_figures_members_do_not(world: World):
    coordinator = (
        Client()
        .get(
            "/api/v1/networks/alpha",
            headers={"Authorization": f"Bearer {world.token_for('coordinator')}"},
        )
        .json()
    )
    member = (
        Client()
        .get(
            "/api/v1/networks/alpha",
            headers={"Authorization": f"Bearer {world.token_for('member')}"},
        )
        .json()
    )
    assert coordinator["companies"] == 4
    assert member["companies"] is None


def test_browser_session_also_authenticates_the_api(client, world: World):
    client.force_login(world.users["member"])
    assert client.get("/api/v1/companies").json()[0]["name"] == "Schulte Metallbau GmbH"


@pytest.mark.parametrize("path", ["/api/v1/referrals", "/api/v1/nothing/here", "/api/v2/me"])
def test_an_unknown_api_address_answers_in_the_apis_json(world, path):
    headers = {"Authorization": f"Bearer {world.token_for('member')}"}
    response = Client().get(path, headers=headers)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["error"]["code"] == "not_found"
