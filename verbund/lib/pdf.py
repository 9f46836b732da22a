"""PDF documents in the reader's language with the bundled DejaVu Sans: no network at run time and
every German and Dutch character. Shared by every PDF the platform writes (agreements, group
reports), so the fonts are loaded in one place."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

FONTS = Path(__file__).resolve().parent / "fonts"
FAMILY = "DejaVuSans"


class Document(FPDF):
    """An A4 page with a centred footer: ``footer_text · page/pages``."""

    footer_text = ""

    def footer(self) -> None:
        self.set_y(-14)
        self.set_font(FAMILY, size=8)
        self.set_text_color(110)
        self.cell(0, 8, f"{self.footer_text} · {self.page_no()}/{{nb}}", align="C")


def new_document(*, title: str, language: str, footer: str) -> Document:
    """A document with the fonts loaded, margins set and the first page added."""
    document = Document(format="A4")
    document.set_title(title)
    document.set_creator("Verbund")
    document.set_lang(language)
    document.add_font(FAMILY, "", str(FONTS / "DejaVuSans.ttf"))
    document.add_font(FAMILY, "B", str(FONTS / "DejaVuSans-Bold.ttf"))
    document.footer_text = footer
    document.set_margins(18, 18, 18)
    document.set_auto_page_break(True, margin=20)
    document.add_page()
    return document


def paragraph(
    document: Document, text: str, *, size: float = 10, bold: bool = False, height: float = 5.5
) -> None:
    """A wrapped paragraph from the left margin, ragged right: justified, a line with a few long
    names (companies, titles) spreads its words over the whole width."""
    document.set_font(FAMILY, "B" if bold else "", size)
    document.multi_cell(0, height, text, align="L", new_x="LMARGIN", new_y="NEXT")
