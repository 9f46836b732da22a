"""The agreement as a PDF in the reader's language, with the bundled DejaVu Sans (no network,
every German and Dutch character)."""

from __future__ import annotations

from collections.abc import Mapping

from django.utils import formats, translation
from django.utils.translation import gettext as _

from verbund.lib.pdf import FAMILY, new_document
from verbund.partnerships import presentation
from verbund.partnerships.models import AgreementVersion, Partnership


def agreement_pdf(
    version: AgreementVersion,
    partnership: Partnership,
    language: str,
    shown: Mapping[int, str] | None = None,
) -> bytes:
    """The version's terms, parties and confirmations as PDF bytes; ``shown``: the parties'
    names as the reader may read them (``PartnershipAccess.names``; None: the real names)."""
    with translation.override(language):
        parties = [p.company for p in partnership.parties.select_related("company")]
        names = {str(c.pk): (shown or {}).get(c.pk, c.name) for c in parties}
        confirmations = {
            c.company_id: c for c in version.confirmations.select_related("confirmed_by")
        }
        document = new_document(
            title=_("Partnership agreement"),
            language=language,
            footer=_("Agreement, version %(number)s") % {"number": version.number},
        )

        document.set_font(FAMILY, "B", 17)
        document.multi_cell(0, 9, _("Partnership agreement"), new_x="LMARGIN", new_y="NEXT")
        document.set_font(FAMILY, "B", 12)
        document.multi_cell(
            0, 7, " · ".join(names[str(c.pk)] for c in parties), new_x="LMARGIN", new_y="NEXT"
        )
        document.set_font(FAMILY, "", 10)
        document.multi_cell(
            0,
            6,
            _("Version %(number)s · %(status)s · written %(date)s by %(company)s")
            % {
                "number": version.number,
                "status": version.get_status_display(),
                "date": formats.date_format(version.created_at, "DATE_FORMAT"),
                "company": names.get(
                    str(version.created_by_company_id), version.created_by_company.name
                ),
            },
            new_x="LMARGIN",
            new_y="NEXT",
        )
        document.ln(4)
        for label, lines in presentation.terms_table(version.terms, names, language):
            document.set_font(FAMILY, "B", 11)
            document.multi_cell(0, 6, label, new_x="LMARGIN", new_y="NEXT")
            document.set_font(FAMILY, "", 10)
            for line in lines:
                document.multi_cell(0, 5.5, line, new_x="LMARGIN", new_y="NEXT")
            document.ln(2)

        document.ln(2)
        document.set_font(FAMILY, "B", 11)
        document.multi_cell(0, 6, _("Confirmations"), new_x="LMARGIN", new_y="NEXT")
        document.set_font(FAMILY, "", 10)
        for company in parties:
            confirmation = confirmations.get(company.pk)
            if confirmation is None:
                text = _("%(company)s: not yet confirmed") % {"company": names[str(company.pk)]}
            else:
                # A hidden party's person stays unnamed as well.
                hidden = names[str(company.pk)] != company.name
                person = None if hidden else confirmation.confirmed_by
                text = _("%(company)s: confirmed on %(date)s by %(person)s") % {
                    "company": names[str(company.pk)],
                    "date": formats.date_format(confirmation.confirmed_at, "DATE_FORMAT"),
                    "person": person.get_full_name() or person.email if person else "—",
                }
            document.multi_cell(0, 5.5, text, new_x="LMARGIN", new_y="NEXT")
        return bytes(document.output())
