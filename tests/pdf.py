"""Reading a PDF the way a reader sees it: rendered with PDFium (a real page with ink on it), and
its text extracted."""

from __future__ import annotations

import pypdfium2 as pdfium


def rendered_text(content: bytes) -> str:
    """The text of every page; asserts the first page renders as a non-blank A4 page (portrait,
    or landscape for a wide table)."""
    document = pdfium.PdfDocument(content)
    image = document[0].render(scale=1).to_pil()
    assert min(image.size) > 500 and max(image.size) > 700
    assert image.convert("L").getextrema()[0] < 100
    return "".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
