"""One money format: grouped, with cents, in the reader's language, for pages, PDFs and the CSV
cells a spreadsheet program reads as numbers."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from verbund.lib import money

AMOUNT = Decimal("40000.50")


@pytest.mark.parametrize(
    ("language", "euros", "figure", "cell"),
    [
        ("de", "40.000,50 €", "40.000,50", "40000,50"),
        ("nl", "40.000,50 €", "40.000,50", "40000,50"),
        ("en", "40,000.50 €", "40,000.50", "40000.50"),
    ],
)
def test_an_amount_is_written_as_the_reader_writes_it(language, euros, figure, cell):
    with translation.override(language):
        assert money.euros(AMOUNT) == euros
        assert money.amount(AMOUNT) == figure
        assert money.spreadsheet_amount(AMOUNT) == cell


@pytest.mark.parametrize(
    ("language", "expected"),
    [("de", "1.237.386 €"), ("nl", "1.237.386 €"), ("en", "1,237,386 €")],
)
def test_a_key_figure_has_no_cents_but_keeps_its_thousands(language, expected):
    with translation.override(language):
        assert money.euros(Decimal("1237386.40"), 0) == expected


def test_no_amount_is_a_dash_on_a_page_and_an_empty_cell_in_a_file():
    assert money.euros(None) == "–" and money.amount("") == "–"
    assert money.spreadsheet_amount(None) == ""


@pytest.mark.parametrize(
    ("language", "expected"),
    [("de", "12.000,00\u00a0€ · 1.237.386\u00a0€ · 18.063,00"),
     ("nl", "12.000,00\u00a0€ · 1.237.386\u00a0€ · 18.063,00")],
)  # fmt: skip
def test_the_template_filters_use_the_same_format_and_keep_the_euro_sign_on_the_line(
    language, expected
):
    template = Template("{% load money %}{{ a|euros }} · {{ b|euros:0 }} · {{ c|amount }}")
    context = Context({"a": Decimal("12000"), "b": Decimal("1237386"), "c": Decimal("18063")})
    with translation.override(language):
        assert template.render(context) == expected


def test_surplus_digits_are_rounded_not_cut_off():
    with translation.override("de"):
        assert money.euros(Decimal("12345.60"), 0) == "12.346 €"
        assert money.euros(Decimal("0.005")) == "0,01 €"
        assert money.spreadsheet_amount(Decimal("2.345")) == "2,35"
