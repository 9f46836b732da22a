"""PDF documents in the reader's language with the bundled DejaVu Sans: no network at run time and
every German and Dutch character. Shared by every PDF the platform writes (agreements, group and
health reports), so the fonts, the page set-up and the table layout live in one place."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
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


def new_document(*, title: str, language: str, footer: str, landscape: bool = False) -> Document:
    """A document with the fonts loaded, margins set and the first page added; ``landscape`` for
    a table too wide for a portrait page."""
    document = Document(orientation="L" if landscape else "P", format="A4")
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


# --- tables ------------------------------------------------------------------------------------


TABLE_SIZE = 8.5  # pt
SMALLEST_TABLE_SIZE = 6.5  # pt: below this a printed table is no longer comfortable to read
LINE_HEIGHT = 4.6  # mm
PADDING = 1.0  # mm, every side of a cell
# fpdf2 gives a cell's text its width minus padding and border; a word exactly that wide would
# still be cut, so every column gets a little more than its widest word.
SLACK = 0.6  # mm


@dataclass(frozen=True)
class _Layout:
    widths: tuple[float, ...]  # mm, summing to the page's text width
    size: float  # pt


def _text_width(document: Document, text: str, *, bold: bool, size: float) -> float:
    document.set_font(FAMILY, "B" if bold else "", size)
    return max((document.get_string_width(line) for line in text.splitlines()), default=0.0)


def _layout(document: Document, header: Sequence[str], rows: Sequence[Sequence[str]]) -> _Layout:
    """Column widths that wrap a header or cell only between words: every column is at least as
    wide as its longest word (the header's in bold), columns that fit on one line get that
    width, and the columns that must wrap share the rest, none narrower than any other. Hyphenating
    German, Dutch and English correctly would need a dictionary per language; whole words need
    none. Only when the longest words alone are wider than the page does the type get smaller,
    down to SMALLEST_TABLE_SIZE."""
    available = document.epw
    size = TABLE_SIZE
    while True:
        least: list[float] = []
        most: list[float] = []
        for column, title in enumerate(header):
            cells = [(str(title), True)] + [(str(row[column]), False) for row in rows]
            words = [(word, bold) for text, bold in cells for word in text.split()]
            least.append(
                max((_text_width(document, w, bold=b, size=size) for w, b in words), default=0)
                + 2 * PADDING + SLACK
            )  # fmt: skip
            most.append(
                max(_text_width(document, t, bold=b, size=size) for t, b in cells)
                + 2 * PADDING + SLACK
            )  # fmt: skip
        if sum(least) <= available or size <= SMALLEST_TABLE_SIZE:
            break
        size = max(SMALLEST_TABLE_SIZE, size * available / sum(least) - 0.1)
    if sum(most) <= available:
        # Everything on one line: the first column (names) takes what is left, as before.
        widths = [most[0] + available - sum(most), *most[1:]]
    elif sum(least) <= available:
        # Columns short enough get their one-line width; the others share the rest equally
        # (a common cap), so a short month column does not wrap beside two long name columns.
        low, high = 0.0, available
        for _step in range(40):
            cap = (low + high) / 2
            used = sum(min(m, max(lo, cap)) for lo, m in zip(least, most, strict=True))
            low, high = (cap, high) if used < available else (low, cap)
        widths = [min(m, max(lo, low)) for lo, m in zip(least, most, strict=True)]
        widths[0] += available - sum(widths)  # what the bisection leaves over, a hair
    else:
        widths = [low * available / sum(least) for low in least]  # words must break somewhere
    return _Layout(widths=tuple(widths), size=size)


def _line_count(document: Document, width: float, text: str) -> int:
    lines = document.multi_cell(width, LINE_HEIGHT, text, dry_run=True, output="LINES")
    assert isinstance(lines, list)  # output="LINES" returns the lines alone
    return len(lines)


def _row_height(document: Document, layout: _Layout, cells: Sequence[str], *, bold: bool) -> float:
    document.set_font(FAMILY, "B" if bold else "", layout.size)
    lines = max(
        _line_count(document, width - 2 * PADDING - document.line_width, str(cell))
        for width, cell in zip(layout.widths, cells, strict=True)
    )
    return lines * LINE_HEIGHT + 2 * PADDING


def table_lead(document: Document, header: Sequence[str], rows: Sequence[Sequence[str]]) -> float:
    """The height of a table's header row and first row: what a heading keeps with it."""
    if not rows:
        return 0.0
    layout = _layout(document, header, rows)
    return _row_height(document, layout, header, bold=True) + _row_height(
        document, layout, rows[0], bold=False
    )


def table(document: Document, header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """A table with a bold header row, repeated on every page the table runs over."""
    if not rows:
        return
    layout = _layout(document, header, rows)
    document.set_font(FAMILY, "", layout.size)
    count = len(header)
    with document.table(
        col_widths=layout.widths,
        width=document.epw,
        text_align=["LEFT"] + ["RIGHT"] * (count - 1),
        line_height=LINE_HEIGHT,
        padding=PADDING,
        first_row_as_headings=True,
    ) as table:
        heading = table.row()
        for cell in header:
            heading.cell(str(cell))
        for values in rows:
            row = table.row()
            for cell in values:
                row.cell(str(cell))
    document.ln(1)
