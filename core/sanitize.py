"""The one HTML sanitizer for text that editors write (article bodies, park
descriptions). Applied on save and again on output, so that rows which arrived
by ``loaddata`` or raw SQL are just as safe."""

import nh3

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "b",
    "i",
    "a",
    "ul",
    "ol",
    "li",
    "blockquote",
    "h2",
    "h3",
    "h4",
    "figure",
    "figcaption",
    "cite",
    "q",
    "abbr",
    "sub",
    "sup",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "caption",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang", "lang"},
    "abbr": {"title"},
    # Merged cells, as the rich-text editor's tables make them (core/editorial/widgets.py).
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "*": {"lang"},
}
URL_SCHEMES = {"http", "https", "mailto"}
# Passes over cleaned HTML when it is shown (the |sanitize filter), added by apps from their
# ready(): each takes and returns HTML that is already clean (documents adds "PDF, 1.2 MB" after
# links to documents). core names no app.
render_passes: list = []


def clean_html(html: str | None) -> str:
    """Allowed tags only, no ``javascript:`` URLs, no event handlers, no style."""
    if not html:
        return ""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    )
