"""Dates and amounts that a line never splits (issue 27, point 8).

Chinese has a break opportunity between any two characters, so "2023年10月9日" could end a line
after "2023年10月", and "2198亿元" after "2198"; English breaks "20 August | 2023" and "13.45 billion
| yuan". A reader then has to join the two halves. The browser only keeps a run together when it is
marked up: a ``<time>`` (``time { white-space: nowrap }`` in site.css) or a ``<span class="nobr">``.

Dates in the templates' own markup are a ``<time>`` where they are written (the ``partial_time``
filter of ``{% load portal %}``). Text that editors write (titles, summaries, timeline entries, article bodies
and park descriptions) carries its dates and figures as plain text, so ``keep_together`` finds them
at output time, when the page is rendered, and never in what is stored. The separator "·" is kept
at the end of the line before it, never at the start of a line.
"""

import datetime
import re

from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_MONTH = "|".join(MONTHS)
_NUMBER = r"(?<![\d.,])\d+(?:[.,]\d+)*"
# A number's unit, or its scale word: what a reader takes as one with the number.
_UNIT_ZH = r"亿美元|万美元|亿元|万元|万人|万亩|亿|万|平方公里|平方米|公顷|亩|个|家|名|项|人|％|%"
_UNIT_EN = (
    r"(?:thousand|million|billion|trillion)(?:\s(?:yuan|US\s?dollars|dollars|people))?"
    r"|km²|square\skilometres|hectares|yuan|people|%"
)

PATTERN = re.compile(
    rf"""
    (?P<ymd>(?P<y>\d{{4}})年(?P<m>\d{{1,2}})月(?P<d>\d{{1,2}})日)
    | (?P<ym>(?P<ym_y>\d{{4}})年(?P<ym_m>\d{{1,2}})月)
    | (?P<md>(?<!\d)\d{{1,2}}月\d{{1,2}}日)
    | (?P<en_dmy>(?<!\d)(?P<en_d>\d{{1,2}})\s(?P<en_m>{_MONTH})\s(?P<en_y>\d{{4}})(?!\d))
    | (?P<en_my>(?P<en_my_m>{_MONTH})\s(?P<en_my_y>\d{{4}})(?!\d))
    | (?P<amount>{_NUMBER}(?:\s?(?:{_UNIT_ZH})|\s(?:{_UNIT_EN})\b|(?:km²|%)))
    | (?P<spaced_separator>\s+·)
    | (?P<joined_separator>[^\s·]·)
    """,
    re.VERBOSE,
)
# The parts of (sanitized) HTML between tags: only these are text.
TAG = re.compile(r"(<[^>]*>)")


def _time(text, year, month, day=None):
    try:
        value = datetime.date(int(year), int(month), int(day or 1))
    except ValueError:  # "2023年2月30日": not a date, but still one run of text
        return _nobr(text)
    iso = value.isoformat() if day else value.isoformat()[:7]
    return f'<time datetime="{iso}">{text}</time>'


def _nobr(text):
    return f'<span class="nobr">{text}</span>'


def _replace(match):
    text = match.group(0)
    if match["ymd"]:
        return _time(text, match["y"], match["m"], match["d"])
    if match["ym"]:
        return _time(text, match["ym_y"], match["ym_m"])
    if match["en_dmy"]:
        return _time(text, match["en_y"], MONTHS.index(match["en_m"]) + 1, match["en_d"])
    if match["en_my"]:
        return _time(text, match["en_my_y"], MONTHS.index(match["en_my_m"]) + 1)
    if match["spaced_separator"]:
        return "\N{NO-BREAK SPACE}·"
    return _nobr(text)  # a day without its year, an amount, a character joined to "·"


def _wrap_text(escaped: str) -> str:
    return PATTERN.sub(_replace, escaped)


def keep_together(text) -> SafeString:
    """Plain text, escaped (unless already safe: a translated string with its variables), with
    its dates and amounts wrapped so that no line splits them."""
    if text is None:
        return mark_safe("")
    return mark_safe(_wrap_text(conditional_escape(text)))  # noqa: S308 - escaped just before


def keep_together_html(html: str) -> SafeString:
    """The same for sanitized HTML: only the text between tags is touched (no attribute, no tag
    name), and nothing inside an element that is already a <time> or a nobr span."""
    parts = TAG.split(html)
    inside = 0  # depth of <time> elements around the current text
    for i, part in enumerate(parts):
        if i % 2:  # a tag
            if re.match(r"<time\b", part, re.I):
                inside += 1
            elif re.match(r"</time\s*>", part, re.I):
                inside = max(inside - 1, 0)
        elif part and not inside:
            parts[i] = _wrap_text(part)
    return mark_safe("".join(parts))  # noqa: S308 - the input was sanitized; only text was wrapped
