from __future__ import annotations

from ninja import Router, Schema

router = Router(tags=["me"])


class MeOut(Schema):
    id: int
    email: str
    first_name: str
    last_name: str
    language: str


@router.get("/me", response=MeOut, summary="The person the token belongs to")
def me(request):
    return request.user
