"""Template helpers used across the site: ``{% load portal %}``."""

from django import template
from django.templatetags.static import static
from django.utils import formats
from django.utils.html import format_html
from django.utils.translation import gettext, pgettext_lazy

from core import sanitize as sanitize_module
from core import structured_data
from core.i18n import languages, line_breaks, side_by_side
from core.models import DatePrecision
from core.sanitize import clean_html

register = template.Library()


@register.filter
def sanitize(html):
    """Render editor-written HTML after passing it through the sanitizer, with its dates and
    amounts kept on one line (core.i18n.line_breaks)."""
    html = clean_html(html)
    for render_pass in sanitize_module.render_passes:
        html = render_pass(html)
    return line_breaks.keep_together_html(html)


@register.filter
def has_side_by_side(obj):
    """Whether the object has text in both languages, so that its side-by-side view is worth a link."""
    return side_by_side.available(obj)


@register.filter
def keep_together(text):
    """Editor-written plain text (a title, a summary), escaped, with its dates and amounts kept
    on one line: ``2023年10月9日`` becomes a ``<time>``, ``2198亿元`` a no-break span."""
    return line_breaks.keep_together(text)


@register.filter
def partial_date(value, precision):
    """Format a date only as precisely as it is known, in the page's language:
    ``July 2008`` / ``2008年7月``; ``2008`` / ``2008年``; full date otherwise."""
    if not value:
        return ""
    return formats.date_format(value, PARTIAL_DATE_FORMATS.get(precision, "DATE_FORMAT"))


@register.filter
def partial_time(value, precision):
    """``partial_date`` as a ``<time>`` element, which never breaks across lines (site.css)."""
    if not value:
        return ""
    return format_html('<time datetime="{}">{}</time>', partial_iso(value, precision), partial_date(value, precision))


@register.filter
def partial_iso(value, precision):
    """The machine-readable form of a partial date for ``<time datetime>``:
    ``2008``, ``2008-07`` or ``2008-07-01`` (HTML's year, month and date strings)."""
    return DatePrecision.isoformat(value, precision) or ""


# Django's per-language format names: YEAR_MONTH_FORMAT is "F Y" in English and
# "Y年n月" in Chinese; there is no year-only format, so gettext provides one.
PARTIAL_DATE_FORMATS = {
    DatePrecision.YEAR: pgettext_lazy("year-only date format", "Y"),
    DatePrecision.MONTH: "YEAR_MONTH_FORMAT",
    DatePrecision.DAY: "DATE_FORMAT",
}


@register.filter
def plain_decimal(value):
    """A Decimal without trailing zeros, localized: 13.60 -> 13.6, 5.35 -> 5.35."""
    if value is None:
        return ""
    return formats.number_format(value.normalize() if hasattr(value, "normalize") else value)


@register.filter
def safe_url(url):
    """An editor-given link target, only if it is http(s) or mailto; else ``#``.
    URLField validation already refuses other schemes in forms and fixtures;
    this keeps a row written any other way from becoming a ``javascript:`` link."""
    value = str(url or "").strip()
    scheme = value.split(":", 1)[0].lower() if ":" in value else ""
    return value if scheme in {"http", "https", "mailto"} else "#"


@register.filter
def json_ld(data):
    """A dict from core/structured_data.py as ``<script type="application/ld+json">``,
    escaped so that no text inside can close the script element."""
    return structured_data.to_script(data) if data else ""


# The link-preview picture of a page without one of its own, per language (drawn by
# scripts/make_share_images.py, 1200 × 630 as previews are made for); another language gets English's.
SHARE_IMAGES = {code: f"img/share-{code}.png" for code in ("en", "zh-hans", "zh-hant")}
SHARE_IMAGE_SIZE = (1200, 630)


@register.inclusion_tag("includes/og_image.html", takes_context=True)
def og_image(context, image=None):
    """The OpenGraph picture of a page (what a shared link shows): the object's picture as its
    JPEG rendition (the one <img src> uses), else the site's picture in the page's language.
    Absolute URLs, as link previews need. No query: detail views select the image with the object."""
    request = context["request"]
    if image:
        url, width, height, alt = image.src, image.src_width, image.src_height, image.alt
        kind = "image/jpeg" if image.renditions else None
    else:
        url = static(SHARE_IMAGES.get(languages.current(), SHARE_IMAGES["en"]))
        (width, height), kind = SHARE_IMAGE_SIZE, "image/png"
        alt = gettext("Suzhou–Suqian Cooperation Portal: the six joint industrial parks of Suzhou and Suqian")
    return {"url": request.build_absolute_uri(url), "width": width, "height": height, "alt": alt, "type": kind}
