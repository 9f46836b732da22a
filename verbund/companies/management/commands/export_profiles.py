"""`verbund export-profiles --network SLUG --format jsonl|csv|xlsx [--output FILE]`.

Writes every profile of the network in the import format, so the file can be edited and imported
again (unchanged profiles stay unchanged).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from verbund.companies.imports import formats
from verbund.companies.imports.services import export_write
from verbund.tenancy.models import Network


class Command(BaseCommand):
    help = "Export a network's company profiles as JSON Lines, CSV or XLSX."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--network", required=True, help="slug of the network")
        parser.add_argument("--format", choices=formats.FORMATS, default="jsonl")
        parser.add_argument("--output", help="file to write (default: standard output)")

    def handle(self, *args, **options) -> None:
        network = Network.objects.filter(slug=options["network"]).first()
        if network is None:
            raise CommandError(_("No network “%(slug)s”.") % {"slug": options["network"]})
        fmt, output = options["format"], options["output"]
        if output:
            with Path(output).open("wb") as handle:
                export_write(network, fmt, handle)
            return
        if fmt == "xlsx":
            raise CommandError(_("XLSX is binary: give a file with --output."))
        stream = getattr(self.stdout, "_out", sys.stdout)
        buffer = getattr(stream, "buffer", None)
        if buffer is not None:
            stream.flush()
            try:
                export_write(network, fmt, buffer)
                buffer.flush()
            except BrokenPipeError:
                # `export-profiles … | head`: the reader has what it wanted. Point stdout at
                # nothing so that the interpreter's final flush does not complain either.
                os.dup2(os.open(os.devnull, os.O_WRONLY), buffer.fileno())
        else:  # a text stream (tests capture output in StringIO)
            import io

            data = io.BytesIO()
            export_write(network, fmt, data)
            stream.write(data.getvalue().decode("utf-8-sig" if fmt == "csv" else "utf-8"))
