"""`verbund group-seat GROUP_ID --email EMAIL --company ID --category KEY`: give a person a seat;
refused with the holder's name when the category is taken."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from verbund.companies.models import Company
from verbund.groups import services
from verbund.groups.management.commands._common import group_by_id


class Command(BaseCommand):
    help = "Add a seat (person, company, profession category) to a referral group."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("group_id", type=int)
        parser.add_argument("--email", required=True)
        parser.add_argument("--company", type=int, required=True, help="company ID")
        parser.add_argument("--category", required=True, help="profession category key")

    def handle(self, *args, **options) -> None:
        group = group_by_id(options["group_id"])
        user = get_user_model().objects.filter(email__iexact=options["email"]).first()
        if user is None:
            raise CommandError(_("No Verbund account has this email address."))
        company = Company.objects.filter(pk=options["company"]).first()
        if company is None:
            raise CommandError(_("No company has this ID."))
        try:
            seat = services.seat_create(
                group=group, user=user, company=company, category=options["category"]
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        self.stdout.write(f"{seat.pk}\t{seat.category}\t{seat.holder_name}")
