"""`verbund partnership-import PARTNERSHIP_ID FILE --what referrals|activities --company ID
--user EMAIL [--commit]`: bulk entry from CSV or XLSX. A dry run unless ``--commit``; every bad
row is listed (line, column, message) and nothing is written when one is bad (exit status 1)."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation
from django.utils.translation import gettext as _

from verbund.accounts.models import User
from verbund.activities import imports
from verbund.activities.management.commands._common import partnership_by_id


class Command(BaseCommand):
    help = "Import referrals or joint activities of a partnership from CSV/XLSX (all or nothing)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("partnership_id", type=int)
        parser.add_argument("file", type=Path)
        parser.add_argument("--what", choices=imports.WHAT, required=True)
        parser.add_argument("--company", type=int, required=True, help="the acting party's ID")
        parser.add_argument("--user", required=True, help="email of the person recorded")
        parser.add_argument("--commit", action="store_true", help="write (default: check only)")
        parser.add_argument("--language", choices=["de", "nl", "en"], default="de")

    def handle(self, *args, **options) -> None:
        partnership = partnership_by_id(options["partnership_id"])
        company = next(
            (
                c
                for c in (p.company for p in partnership.parties.all())
                if c.pk == options["company"]
            ),
            None,
        )
        if company is None:
            raise CommandError(_("This company is not a partner in this partnership."))
        user = User.objects.filter(email__iexact=options["user"]).first()
        if user is None:
            raise CommandError(
                _("No account has the email %(email)s.") % {"email": options["user"]}
            )
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(_("No such file: %(path)s") % {"path": path})
        with translation.override(options["language"]):
            result = imports.import_rows(
                partnership=partnership,
                company=company,
                user=user,
                what=options["what"],
                data=path.read_bytes(),
                filename=path.name,
                dry_run=not options["commit"],
            )
            for error in result.errors:
                self.stderr.write(f"{path.name}:{error.line}: {error.column}: {error.message}")
        if result.errors:
            raise CommandError(f"{len(result.errors)} error(s); nothing was written.")
        verb = "imported" if result.written else "checked (dry run, nothing written)"
        self.stdout.write(f"{result.rows} row(s) {verb}")
