"""An enterprise's JSON-LD (schema.org Organization), declared in enterprises/apps.py."""

from html import unescape

from django.utils.html import strip_tags

from core.structured_data import CONTEXT, absolute_url


def organization(obj, request) -> dict:
    """A company or other organisation with a public page: ``name``, ``get_absolute_url()``,
    and a plain-text ``summary`` or an HTML ``description``."""
    url = absolute_url(request, obj.get_absolute_url())
    html = getattr(obj, "description", "") or ""
    description = getattr(obj, "summary", None) or " ".join(unescape(strip_tags(html)).split())
    data = {"@context": CONTEXT, "@type": "Organization", "@id": url, "url": url, "name": obj.name}
    if description:
        data["description"] = description
    return data
