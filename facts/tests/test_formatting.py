"""Numbers as each language writes them (facts/formatting.py)."""

from decimal import Decimal

import pytest
from django.utils import translation

from facts import formatting
from facts.models import KeyFigure


@pytest.mark.parametrize(
    ("value", "unit", "qualifier", "english", "chinese"),
    [
        # The seed article's figures, as the issue asks them to read.
        ("219800000000", "yuan", "", "219.8 billion yuan", "2198亿元"),
        ("530000", "people", "nearly", "nearly 530,000 people", "近53万人"),
        ("9.7", "percent", "", "9.7%", "9.7%"),
        ("0.82", "percent", "", "0.82%", "0.82%"),
        ("9", "percent", "", "9%", "9%"),
        ("300", "people", "over", "over 300 people", "300余人"),
        ("980", "projects", "", "980 projects", "980个"),
        ("112", "projects", "", "112 projects", "112个"),
        ("22", "years", "", "22 years", "22年"),
        ("2001", "year", "", "2001", "2001年"),
        ("6", "count", "", "6", "6"),
        # 万/亿 grouping and exact mantissas: nothing is rounded.
        ("8000000000", "yuan", "over", "over 8 billion yuan", "80余亿元"),
        ("160850000000", "yuan", "", "160.85 billion yuan", "1608.5亿元"),
        ("15490000000", "yuan", "", "15.49 billion yuan", "154.9亿元"),
        ("217500000", "yuan", "", "217.5 million yuan", "2.175亿元"),
        ("200000", "people", "", "200,000 people", "20万人"),
        ("12345", "count", "", "12,345", "1.2345万"),
        ("2500000000000", "yuan", "about", "about 2.5 trillion yuan", "约2.5万亿元"),
        ("2.2", "km2", "", "2.2 km²", "2.2平方公里"),
        # 余 only after a round number of things; otherwise 超过 in front.
        ("6", "projects", "over", "over 6 projects", "超过6个"),
        ("25000", "people", "over", "over 25,000 people", "超过2.5万人"),
        ("10", "percent", "over", "over 10%", "超过10%"),
        # Singulars in English.
        ("1", "people", "", "1 person", "1人"),
        ("1", "years", "", "1 year", "1年"),
        # Stored with trailing zeros, as DecimalField returns them.
        ("219800000000.0000", "yuan", "", "219.8 billion yuan", "2198亿元"),
        ("9.7000", "percent", "", "9.7%", "9.7%"),
    ],
)
def test_amounts_read_as_each_language_writes_them(value, unit, qualifier, english, chinese):
    assert formatting.format_amount(Decimal(value), unit, qualifier, language="en") == english
    assert formatting.format_amount(Decimal(value), unit, qualifier, language="zh-hans") == chinese


def test_the_page_language_is_the_default():
    with translation.override("zh-hans"):
        assert formatting.format_amount("530000", "people", "nearly") == "近53万人"
    with translation.override("en"):
        assert formatting.format_amount("530000", "people", "nearly") == "nearly 530,000 people"


def test_every_unit_and_qualifier_has_words_in_both_languages():
    for unit in KeyFigure.Unit.values:
        assert unit in formatting.EN_UNITS, unit
        assert unit in formatting.ZH_UNITS, unit
    for qualifier in KeyFigure.Qualifier.values:
        assert qualifier in formatting.EN_QUALIFIERS, qualifier
        assert qualifier in formatting.ZH_QUALIFIERS, qualifier


def test_missing_value_is_empty_not_zero():
    assert formatting.format_amount(None, "yuan") == ""


def test_plain_never_uses_exponents():
    assert formatting.plain(Decimal("5.3E+5")) == "530000"
    assert formatting.plain(Decimal("530000"), group=True) == "530,000"
    assert formatting.plain(Decimal("13.60")) == "13.6"


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (1, "1st"),
        (2, "2nd"),
        (3, "3rd"),
        (4, "4th"),
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (21, "21st"),
        (22, "22nd"),
        (101, "101st"),
    ],
)
def test_english_ordinals(number, expected):
    assert formatting.ordinal(number, "en") == expected


@pytest.mark.parametrize(
    ("kwargs", "english", "chinese"),
    [
        ({"rank": 1, "out_of": 45}, "1st of 45", "第1名（共45个园区）"),
        (
            {"rank": 1, "out_of": 45, "consecutive": 8},
            "1st of 45, for the 8th year running",
            "第1名（共45个园区），连续第8年",
        ),
        ({"top": 10, "out_of": 45}, "top 10 of 45", "前10名（共45个园区）"),
        ({"rank": 6}, "6th", "第6名"),
        ({}, "", ""),
    ],
)
def test_ranks_in_both_languages(kwargs, english, chinese):
    assert formatting.format_rank(**kwargs, language="en") == english
    assert formatting.format_rank(**kwargs, language="zh-hans") == chinese
