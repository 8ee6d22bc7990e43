"""Traditional Chinese, derived from Simplified (``core.i18n.languages``' docstring says where
each step is): modeltranslation reads the Simplified columns, and every response under
``/zh-hant/`` is converted with OpenCC, form values and ``translate="no"`` kept as written."""

import functools
import json
import re
import tempfile
from pathlib import Path

from django.utils.translation import get_language

from core.i18n.languages import BCP47, DERIVED

# The OpenCC conversions: Simplified to Traditional with Taiwan's standard character forms
# (為, 眾, 裡, 著; plain s2t gives 爲, 衆, 裏, 着, forms no region now reads every day), characters
# only: not s2twp, whose vocabulary changes (信息 -> 資訊) would rewrite official terms and
# names. Taiwanese companies are a large part of the investors who read Traditional (Kunshan,
# one of the six partner cities, is known for them). A query typed in Traditional
# (Taiwan, Hong Kong or standard forms) goes back with tw2s, the reverse, before it is searched.
CONVERSION = "s2tw"
REVERSE_CONVERSION = "tw2s"
# Names OpenCC gets wrong, and names pinned so that an OpenCC upgrade cannot change them.
DICTIONARY = Path(__file__).with_name("traditional_names.tsv")


# --- Derived languages: modeltranslation ------------------------------------------------------


def install():
    """Called once from ``CoreConfig.ready()``: modeltranslation reads the source language's
    column for a derived language. Its every lookup (``title``, ``filter(title=…)``, fallbacks)
    goes through ``modeltranslation.utils.get_language``, which maps a language it has no
    column for to English (``zh-hant`` -> ``zh`` -> ``en``); it reads Django's active language
    from the module's ``_get_language``, which this replaces by one that answers the written
    language. Tested in core/tests/test_traditional.py (a Traditional page shows the Chinese text)."""
    from modeltranslation import utils

    def written_language():
        code = get_language()
        return DERIVED.get(code, code) if code else code

    utils._get_language = written_language


# --- Derived languages: conversion ------------------------------------------------------------


def read_dictionary(path: Path = DICTIONARY) -> list[tuple[str, str]]:
    """The project dictionary: ``simplified<TAB>traditional`` per line, ``#`` comments. A line
    that is not two tab-separated non-empty fields is an error naming the line."""
    entries = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        fields = [field.strip() for field in line.split("\t")]
        if len(fields) != 2 or not all(fields):
            raise ValueError(f"{path.name}, line {number}: expected 'simplified<TAB>traditional', got {line!r}")
        entries.append((fields[0], fields[1]))
    return entries


def _opencc(config: str, dictionary: list[tuple[str, str]] = ()):
    """An OpenCC converter for one of its shipped configurations, with ``dictionary`` (pairs)
    taking precedence over OpenCC's own phrases: it is put first in the segmentation and in the
    first conversion step of a copy of the configuration. OpenCC reads files only, so the copy
    and the dictionary are written to a temporary folder that is removed once loaded."""
    import opencc

    if not dictionary:
        return opencc.OpenCC(config)
    share = Path(opencc.__file__).parent / "clib" / "share" / "opencc"
    document = json.loads((share / f"{config}.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="opencc-") as folder:
        names = Path(folder) / "project.txt"
        names.write_text("".join(f"{simplified}\t{traditional}\n" for simplified, traditional in dictionary), "utf-8")
        ours = {"type": "text", "file": str(names)}

        def absolute(node):
            if isinstance(node, dict):
                if node.get("type") == "ocd2":
                    return {**node, "file": str(share / node["file"])}
                return {key: absolute(value) for key, value in node.items()}
            if isinstance(node, list):
                return [absolute(item) for item in node]
            return node

        document = absolute(document)
        segmentation = document["segmentation"]["dict"]
        document["segmentation"]["dict"] = {"type": "group", "match_policy": "union", "dicts": [ours, segmentation]}
        first = document["conversion_chain"][0]["dict"]
        document["conversion_chain"][0]["dict"] = {
            "type": "group",
            "match_policy": "short_circuit",
            "dicts": [ours, first],
        }
        path = Path(folder) / "config.json"
        path.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
        return opencc.OpenCC(str(path))


@functools.cache
def _converter(config: str):
    return _opencc(config, read_dictionary() if config == CONVERSION else ())


def convert(text: str, code: str = "zh-hant") -> str:
    """``text`` (written in ``written(code)``) as a page in ``code`` shows it: Simplified to
    Traditional for ``zh-hant``; unchanged for a written language. Only Chinese characters
    change: ASCII (markup, URLs, slugs, numbers, percent-encoded queries) never does."""
    if not text or code not in DERIVED:
        return text
    return _converter(CONVERSION).convert(text)


def to_written(text: str) -> str:
    """What a visitor typed, in any of Chinese's scripts, in the written one (Simplified): for
    search, whose index holds the text as written. ``蘇州 工業園區`` -> ``苏州 工业园区``;
    Simplified and English come back unchanged."""
    if not text or text.isascii():
        return text
    return _converter(REVERSE_CONVERSION).convert(text)


# Parts of an HTML page that conversion leaves as written: what a visitor typed into a form
# (a textarea's text, any value="…": on a form shown again, converting it would change what
# they send), and elements marked translate="no" (the language switch's 简体; text shown
# exactly as typed). Markup is Django's and ours (attributes in double quotes, one space
# before each); an element marked translate="no" must not contain an element of its own name.
# Found with plain string searches and one regex that starts with a literal: a regex of
# alternatives over the whole page cost as much as the conversion itself.
_VALUE = re.compile(r' value="[^"]*"')
_TAG_NAME = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)")
_NO = ' translate="no"'


def _kept_spans(html: str) -> list[tuple[int, int]]:
    spans = [match.span() for match in _VALUE.finditer(html)]
    start = html.find("<textarea")
    while start >= 0:
        end = html.find("</textarea>", start)
        end = len(html) if end < 0 else end + len("</textarea>")
        spans.append((start, end))
        start = html.find("<textarea", end)
    found = html.find(_NO)
    while found >= 0:
        start = html.rfind("<", 0, found)
        name = _TAG_NAME.match(html, start)
        end = html.find(f"</{name.group(1)}>", found) if name else -1
        end = len(html) if end < 0 else end + len(name.group(1)) + 3
        spans.append((start, end))
        found = html.find(_NO, end)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:  # a value="…" inside a kept element is kept with it
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def convert_html(html: str, code: str = "zh-hant") -> str:
    """A whole page converted, one OpenCC call per stretch between kept parts (a few dozen),
    text and attributes alike (titles, alt, aria-label, JSON-LD: only Chinese characters
    change). Text that said it was Simplified (``lang="zh-Hans"``) is Traditional now, and
    says so."""
    if code not in DERIVED:
        return html
    tag_from, tag_to = f' lang="{BCP47[DERIVED[code]]}"', f' lang="{BCP47[code]}"'
    pieces, last = [], 0
    for start, end in _kept_spans(html):
        pieces.append(convert(html[last:start], code).replace(tag_from, tag_to))
        pieces.append(html[start:end])
        last = end
    pieces.append(convert(html[last:], code).replace(tag_from, tag_to))
    return "".join(pieces)


# Responses converted whole (text in these types); HTML keeps form values (convert_html).
_TEXT_TYPES = ("text/", "application/json", "application/xml", "application/rss+xml", "application/atom+xml")


def convert_response(request, response):
    """The response to a request under a derived language's prefix, converted (see the module
    docstring). Streaming and binary responses pass unchanged."""
    from django.utils.translation import get_language_from_path

    code = get_language_from_path(request.path_info)
    content_type = response.get("Content-Type", "")
    if code not in DERIVED or response.streaming or not content_type.startswith(_TEXT_TYPES):
        return response
    charset = response.charset
    text = response.content.decode(charset)
    converted = convert_html(text, code) if content_type.startswith("text/html") else convert(text, code)
    response.content = converted.encode(charset)
    if response.has_header("Content-Length"):
        response["Content-Length"] = str(len(response.content))
    return response
