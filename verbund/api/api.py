"""The JSON API at /api/v1/ (OpenAPI at /api/v1/openapi.json, docs at /api/v1/docs)."""

from __future__ import annotations

from ninja import NinjaAPI

from verbund.accounts.api import router as accounts_router
from verbund.accounts.auth import api_auth
from verbund.api import errors
from verbund.companies.api import router as companies_router
from verbund.tenancy.api import router as tenancy_router

api = NinjaAPI(
    title="Verbund API",
    version="1",
    description=(
        "Strategic partnerships between small and medium-sized companies. "
        "Authenticate with a personal API token: `Authorization: Bearer vbd_…` "
        "(create one under Account → API tokens)."
    ),
    auth=api_auth,
    urls_namespace="api",
)
errors.install(api)
api.add_router("/", accounts_router)
api.add_router("/networks", tenancy_router)
api.add_router("/companies", companies_router)
api.add_router("/", "verbund.companies.api_imports.router")
api.add_router("/networks", "verbund.companies.api_directory.router")
api.add_router("/notifications", "verbund.notifications.api.router")
api.add_router("/", "verbund.partnerships.api.router")
api.add_router("/groups", "verbund.groups.api.router")
api.add_router("/referrals", "verbund.referrals.api.router")
api.add_router("/networks", "verbund.matching.api.router")
api.add_router("/partnerships", "verbund.activities.api.router")
api.add_router("/", "verbund.health.api.router")
