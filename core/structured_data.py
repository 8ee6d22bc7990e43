"""JSON-LD (schema.org) for search engines, built as plain dicts here and
written into the page by the ``json_ld`` template filter (core/templatetags/portal.py).

Each content type names the builder of its detail page's dict (``structured_data`` in its
declaration, core/registry.py; e.g. news/structured_data.py); ``StructuredDataMixin`` puts it in the
view's context as ``structured_data`` and base.html renders it. Texts are in the page's language
(modeltranslation's attribute access), URLs absolute. Here: what every builder shares.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from core import registry
from core.i18n import languages

CONTEXT = "https://schema.org"

# Escaped inside the JSON, so that no text can end the <script> element
# ("</script>") or open a comment ("<!--"); the same as Django's json_script.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def to_script(data: dict) -> SafeString:
    """``<script type="application/ld+json">`` holding ``data``."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308 - escaped above


def absolute_url(request, path: str) -> str:
    return request.build_absolute_uri(path)


def publisher(request) -> dict:
    """The portal itself, as the publisher of its pages."""
    return {
        "@type": "Organization",
        "name": gettext("Suzhou–Suqian Cooperation Portal"),
        "url": absolute_url(request, reverse("core:home")),
    }


def website(request) -> dict:
    """For the home page: the site, and how to search it."""
    search = absolute_url(request, reverse("search:results"))
    return {
        "@context": CONTEXT,
        "@type": "WebSite",
        "name": gettext("Suzhou–Suqian Cooperation Portal"),
        "url": absolute_url(request, reverse("core:home")),
        "inLanguage": languages.bcp47(),
        "publisher": publisher(request),
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": f"{search}?q={{search_term_string}}"},
            "query-input": "required name=search_term_string",
        },
    }


class StructuredDataMixin:
    """For a detail view: the JSON-LD its content type declares, as ``structured_data``."""

    def get_context_data(self, **kwargs):
        declared = registry.get(type(self.object))
        if declared is not None and declared.structured_data is not None:
            kwargs.setdefault("structured_data", declared.structured_data(self.object, self.request))
        return super().get_context_data(**kwargs)
