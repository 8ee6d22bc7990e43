"""Side-by-side reading: an editor-written HTML text in both languages, cut
into its paragraphs and paired, so that a reader can check the translation or
learn the other language paragraph by paragraph."""

import re
from itertools import zip_longest

from core.i18n.one_language import OneLanguageMixin
from core.sanitize import clean_html

# The two columns of the view: the languages editors write in.
SIDES = ("en", "zh-hans")

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


def available(obj) -> bool:
    """Whether ``obj`` has text in both columns' languages, so that a side-by-side view exists."""
    return all(obj.has_text_in(code) for code in SIDES)


class SideBySideMixin(OneLanguageMixin):
    """A side-by-side view of an object that has text in one language only is the one-language
    notice ("This article is available in 简体中文 only", linking to the object's page in it), in
    every language: there is nothing to set beside it, and its empty column used to print "None"."""

    missing_template_name = "core/no_side_by_side.html"

    def is_missing_here(self):
        return not available(self.object)

    def versions_path(self):
        # The notice links to the object's own page, not back to this missing view.
        return self.object.get_absolute_url() if self.is_missing_here() else super().versions_path()
