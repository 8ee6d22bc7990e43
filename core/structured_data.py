"""JSON-LD (schema.org) for search engines, built as plain dicts here and
written into the page by the ``json_ld`` template filter (core/templatetags/portal.py).

Views put the dict in the context as ``structured_data``; base.html renders it.
Texts are in the page's language (modeltranslation's attribute access), URLs absolute.
"""

import json
from html import unescape

from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils.html import format_html, strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import localtime
from django.utils.translation import gettext, override

from core.i18n import languages
from core.models import DatePrecision

CONTEXT = "https://schema.org"

# Escaped inside the JSON, so that no text can end the <script> element
# ("</script>") or open a comment ("<!--"); the same as Django's json_script.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def to_script(data: dict) -> SafeString:
    """``<script type="application/ld+json">`` holding ``data``."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308 - escaped above


def _url(request, path: str) -> str:
    return request.build_absolute_uri(path)


def publisher(request) -> dict:
    """The portal itself, as the publisher of its pages."""
    return {
        "@type": "Organization",
        "name": gettext("Suzhou–Suqian Cooperation Portal"),
        "url": _url(request, reverse("core:home")),
    }


def website(request) -> dict:
    """For the home page: the site, and how to search it."""
    search = _url(request, reverse("search:results"))
    return {
        "@context": CONTEXT,
        "@type": "WebSite",
        "name": gettext("Suzhou–Suqian Cooperation Portal"),
        "url": _url(request, reverse("core:home")),
        "inLanguage": languages.bcp47(),
        "publisher": publisher(request),
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": f"{search}?q={{search_term_string}}"},
            "query-input": "required name=search_term_string",
        },
    }


def news_article(article, request) -> dict:
    """An article in the page's language. The same article in the other
    language is its ``translationOfWork`` when this version is the translation,
    its ``workTranslation`` when this version is the original."""
    url = _url(request, article.get_absolute_url())
    data = {
        "@context": CONTEXT,
        "@type": "NewsArticle",
        "@id": url,
        "url": url,
        "mainEntityOfPage": url,
        "headline": article.title,
        "description": article.summary,
        # In the site's time zone (+08:00), as the page shows them.
        "datePublished": localtime(article.published_at),
        "dateModified": localtime(max(article.published_at, article.updated_at)),
        "inLanguage": languages.bcp47(),
        "publisher": publisher(request),
        "about": [
            {"@type": "Place", "name": park.name, "url": _url(request, park.get_absolute_url())}
            for park in article.parks.all()
        ],
    }
    if article.source_name:
        source = {"@type": "NewsArticle", "publisher": {"@type": "Organization", "name": article.source_name}}
        if article.source_url:
            source["url"] = article.source_url
        data["isBasedOn"] = source
    if article.is_translation:
        data["translationOfWork"] = _version(article, article.original_language, request)
    else:
        data["workTranslation"] = [
            _version(article, code, request) for code in languages.page_codes() if code != languages.current()
        ]
    return data


def _version(article, code: str, request) -> dict:
    """A reference to the article's page in language ``code``."""
    with override(code):
        url = _url(request, article.get_absolute_url())
    return {"@type": "NewsArticle", "@id": url, "url": url, "inLanguage": languages.bcp47(code)}


# A date known only to the year or month is written only that precisely.
_ISO_FORMATS = {DatePrecision.YEAR: "%Y", DatePrecision.MONTH: "%Y-%m", DatePrecision.DAY: "%Y-%m-%d"}


def park(park, request) -> dict:
    """A joint park: a place (where it is) and an organisation (who runs it)."""
    url = _url(request, park.get_absolute_url())
    data = {
        "@context": CONTEXT,
        "@type": ["Place", "Organization"],
        "@id": url,
        "url": url,
        "name": park.name,
        "alternateName": park.short_name,
        "description": park.summary,
        "address": {
            "@type": "PostalAddress",
            "addressLocality": park.host_name,
            "addressRegion": gettext("Jiangsu"),
            "addressCountry": "CN",
        },
        "geo": {"@type": "GeoCoordinates", "latitude": float(park.latitude), "longitude": float(park.longitude)},
    }
    if park.established:
        data["foundingDate"] = park.established.strftime(_ISO_FORMATS.get(park.established_precision, "%Y-%m-%d"))
    return data


def organization(obj, request) -> dict:
    """A company or other organisation with a public page: ``name``, ``get_absolute_url()``,
    and a plain-text ``summary`` or an HTML ``description``. (For the enterprises
    of issue 3: ``structured_data=structured_data.organization(self.object, self.request)``.)"""
    url = _url(request, obj.get_absolute_url())
    html = getattr(obj, "description", "") or ""
    description = getattr(obj, "summary", None) or " ".join(unescape(strip_tags(html)).split())
    data = {"@context": CONTEXT, "@type": "Organization", "@id": url, "url": url, "name": obj.name}
    if description:
        data["description"] = description
    return data
