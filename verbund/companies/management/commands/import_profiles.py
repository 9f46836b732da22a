"""`verbund import-profiles FILE --network SLUG [--dry-run]`: bring many companies in at once.

The file (JSON Lines, CSV or XLSX; see docs/import-format.md) is checked record by record; with any
error nothing is written and every error is listed. Companies already in the network under the same
``external_id`` are updated, unchanged ones are left alone.
"""

from __future__ import annotations

import difflib
import json
import time
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from tqdm import tqdm

from verbund.companies.imports import formats
from verbund.companies.imports.messages import render, where
from verbund.companies.imports.services import import_profiles
from verbund.tenancy.models import Network
from verbund.tenancy.services import network_create

SHOWN_WARNINGS = 50


class Command(BaseCommand):
    help = (
        "Import company profiles (JSON Lines, CSV or XLSX) into a network, all or nothing; "
        "re-importing updates companies by external_id."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="the profile file (.jsonl, .csv or .xlsx)")
        parser.add_argument("--network", required=True, help="slug of the network (created if new)")
        parser.add_argument("--dry-run", action="store_true", help="check only, write nothing")
        parser.add_argument(
            "--format", choices=formats.FORMATS, help="file format (default: from the extension)"
        )
        parser.add_argument(
            "--timing", action="store_true", help="print a JSON line with records and seconds"
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=0,
            help="extra processes that read and check records while this one writes; helps only "
            "with idle cores (default: 0)",
        )

    def handle(self, *args, **options) -> None:
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(_("File not found: %(path)s") % {"path": path})
        with path.open("rb") as handle:
            fmt = options["format"] or formats.format_from_name(path.name, handle.read(8))
        slug, dry_run = options["network"], options["dry_run"]
        total = formats.count(path, fmt)
        workers = max(0, options["workers"])
        started = time.perf_counter()
        with tqdm(total=total, unit=" companies", disable=None, file=self.stderr._out) as bar:

            def progress(done: int) -> None:
                bar.update(done - bar.n)

            with transaction.atomic():
                network = Network.objects.filter(slug=slug).first()
                created_network = network is None
                if network is None and not dry_run:
                    try:
                        network = network_create(name=slug, slug=slug, kind=Network.Kind.OPEN)
                    except ValidationError as exc:
                        raise CommandError("; ".join(exc.messages)) from exc
                outcome = import_profiles(network=network, source=path, fmt=fmt,
                                          dry_run=dry_run, progress=progress,
                                          workers=workers, expected_records=total)  # fmt: skip
                if not outcome.written:
                    transaction.set_rollback(True)  # not even the new network stays
        elapsed = time.perf_counter() - started
        self._report(outcome, fmt, slug, created_network, dry_run)
        if options["timing"]:
            self.stdout.write(json.dumps({
                "records": outcome.records, "seconds": round(elapsed, 3),
                "created": outcome.created, "updated": outcome.updated,
                "unchanged": outcome.unchanged, "errors": len(outcome.errors),
            }))  # fmt: skip
        if outcome.errors:
            raise CommandError(
                _("%(count)s errors; nothing was imported.") % {"count": len(outcome.errors)}
            )

    def _report(self, outcome, fmt: str, slug: str, created_network: bool, dry_run: bool) -> None:
        out = self.stdout.write
        tabular = fmt != "jsonl"
        for problem in outcome.errors:
            data = problem.as_dict()
            self.stderr.write(
                f"{where(data, tabular=tabular)}: {render(problem.code, problem.params)}"
            )
        if outcome.errors:
            return
        if created_network:
            if dry_run:
                out(
                    _("The network “%(slug)s” does not exist yet; the import would create it.")
                    % {"slug": slug}
                )
            else:
                out(self.style.SUCCESS(_("Created the network “%(slug)s”.") % {"slug": slug}))
            # A mistyped slug would quietly start a second network: name the close ones.
            existing = Network.objects.values_list("slug", flat=True)
            close = difflib.get_close_matches(slug, list(existing), n=3, cutoff=0.6)
            if close:
                out(self.style.WARNING(
                    _("Similar networks exist: %(slugs)s. Was one of them meant?")
                    % {"slugs": ", ".join(f"“{c}”" for c in close)}
                ))  # fmt: skip
        for problem in outcome.warnings[:SHOWN_WARNINGS]:
            data = problem.as_dict()
            out(self.style.WARNING(
                f"{where(data, tabular=tabular)}: {render(problem.code, problem.params)}"
            ))  # fmt: skip
        if len(outcome.warnings) > SHOWN_WARNINGS:
            out(
                _("… and %(count)s more warnings.")
                % {"count": len(outcome.warnings) - SHOWN_WARNINGS}
            )
        count = len(outcome.warnings)
        figures = {
            "records": outcome.records,
            "created": outcome.created,
            "updated": outcome.updated,
            "unchanged": outcome.unchanged,
            "warnings": ngettext("%(count)s warning", "%(count)s warnings", count)
            % {"count": count},
        }
        if dry_run:
            line = _(
                "Dry run, nothing written: %(records)s records; %(created)s would be created, "
                "%(updated)s updated, %(unchanged)s unchanged; %(warnings)s."
            )
        else:
            line = _(
                "%(records)s records: %(created)s created, %(updated)s updated, "
                "%(unchanged)s unchanged; %(warnings)s."
            )
        out(self.style.SUCCESS(line % figures))
