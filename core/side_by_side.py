"""Side-by-side reading: an editor-written HTML text in both languages, cut
into its paragraphs and paired, so that a reader can check the translation or
learn the other language paragraph by paragraph."""

import re
from itertools import zip_longest

from core.sanitize import clean_html

# Top-level blocks of sanitized editor HTML (see core.sanitize.ALLOWED_TAGS).
BLOCK = re.compile(
    r"<(p|h2|h3|h4|ul|ol|blockquote|figure|table)\b[^>]*>.*?</\1>",
    re.IGNORECASE | re.DOTALL,
)


def blocks(html: str | None) -> list[str]:
    """The block elements of a sanitized HTML text, in order."""
    return [match.group(0) for match in BLOCK.finditer(clean_html(html))]


def pair_blocks(english: str | None, chinese: str | None) -> list[tuple[str, str]]:
    """(English block, Chinese block) pairs; where one text has more blocks,
    the other side of those pairs is empty."""
    return list(zip_longest(blocks(english), blocks(chinese), fillvalue=""))
