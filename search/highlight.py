"""Snippets for search results: the passage of a text around the first match,
escaped, with every match wrapped in <mark>.

Safety: each piece of text is escaped before it is joined with the <mark> tags
we add, so neither the text (editor-written) nor the query (the visitor's) can
inject markup.
"""

import html
import re

from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe


def plain_text(value: str | None) -> str:
    """HTML (an article body) as the text a reader sees, whitespace collapsed."""
    return " ".join(html.unescape(strip_tags(value or "")).split())


def _pattern(terms: list[str]) -> re.Pattern | None:
    terms = [term for term in terms if term]
    if not terms:
        return None
    # Longest first, so "industrial park" wins over "park" at the same place.
    return re.compile("|".join(re.escape(term) for term in sorted(terms, key=len, reverse=True)), re.IGNORECASE)


def mark(text: str, terms: list[str]) -> SafeString:
    """``text`` escaped, with the terms (any case) wrapped in <mark>."""
    pattern = _pattern(terms)
    if pattern is None:
        return escape(text)
    pieces, last = [], 0
    for match in pattern.finditer(text):
        pieces += [escape(text[last : match.start()]), "<mark>", escape(match.group()), "</mark>"]
        last = match.end()
    pieces.append(escape(text[last:]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece of text escaped above


def excerpt(text: str, terms: list[str], length: int = 160) -> tuple[str, bool]:
    """About ``length`` characters of ``text`` around the first match (from the
    start when nothing matches), with an ellipsis where it was cut. Returns the
    passage and whether it contains a match."""
    pattern = _pattern(terms)
    match = pattern.search(text) if pattern else None
    start = 0
    if match:
        # Keep some text before the match, and never cut the match itself.
        start = max(0, min(match.start() - length // 4, len(text) - length))
        if start:
            space = text.find(" ", start, match.start())
            start = space + 1 if 0 <= space < start + 15 else start
    end = start + length
    if match and end < match.end():
        end = match.end()
    passage = text[start:end].strip()
    return ("…" if start > 0 else "") + passage + ("…" if end < len(text) else ""), bool(match)


def snippet(texts: list[str | None], terms: list[str], length: int = 160) -> SafeString:
    """The first of ``texts`` (in order of preference, HTML allowed) in which a
    term occurs, cut around the match and marked; else the start of the first
    non-empty one, unmarked."""
    first = None
    for value in texts:  # a body is made plain only when the summary does not hold a term
        text = plain_text(value)
        if text:
            passage, matched = excerpt(text, terms, length)
            if matched:
                return mark(passage, terms)
            first = first or text
    return mark(excerpt(first, [], length)[0], []) if first else mark("", [])
