import datetime
from decimal import Decimal

import pytest
from django.utils import translation

from core.models import DatePrecision
from core.sanitize import clean_html
from core.templatetags.portal import partial_date, plain_decimal

JULY_2008 = datetime.date(2008, 7, 1)


@pytest.mark.parametrize(
    ("lang", "precision", "expected"),
    [
        ("en", DatePrecision.MONTH, "July 2008"),
        ("zh-hans", DatePrecision.MONTH, "2008年7月"),
        ("en", DatePrecision.YEAR, "2008"),
        ("zh-hans", DatePrecision.YEAR, "2008年"),
        ("en", DatePrecision.DAY, "1 July 2008"),
        ("zh-hans", DatePrecision.DAY, "2008年7月1日"),
    ],
)
def test_partial_date_shows_only_what_is_known(lang, precision, expected):
    with translation.override(lang):
        assert partial_date(JULY_2008, precision) == expected


def test_plain_decimal_drops_trailing_zeros():
    assert plain_decimal(Decimal("13.60")) == "13.6"
    assert plain_decimal(Decimal("5.35")) == "5.35"
    assert plain_decimal(None) == ""


@pytest.mark.parametrize(
    "payload",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        '<a href="javascript:alert(1)">x</a>',
        '<p style="position:fixed">x</p>',
        '<svg onload="alert(1)"></svg>',
    ],
)
def test_sanitizer_removes_executable_markup(payload):
    cleaned = clean_html(payload)
    for bad in ("<script", "onerror", "javascript:", "style=", "<svg", "onload"):
        assert bad not in cleaned


def test_sanitizer_keeps_ordinary_markup():
    html = '<p>Text with <a href="https://example.org/">a link</a> and <strong>emphasis</strong>.</p>'
    assert clean_html(html) == html.replace('">a link', '" rel="noopener noreferrer">a link')


@pytest.mark.parametrize(
    ("precision", "iso", "stored"),
    [
        (DatePrecision.YEAR, "2008", "2008-01-01"),
        (DatePrecision.MONTH, "2008-07", "2008-07-01"),
        (DatePrecision.DAY, "2008-07-15", "2008-07-15"),
    ],
)
def test_partial_dates_are_written_and_stored_at_their_precision(precision, iso, stored):
    from core.templatetags.portal import partial_iso

    mid_july = datetime.date(2008, 7, 15)
    assert partial_iso(mid_july, precision) == iso
    assert partial_iso(None, precision) == ""
    assert DatePrecision.truncate(mid_july, precision).isoformat() == stored
