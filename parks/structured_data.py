"""A park's JSON-LD (schema.org Place and Organization), declared in parks/apps.py."""

from django.utils.translation import gettext

from core.models import DatePrecision
from core.structured_data import CONTEXT, absolute_url

# A date known only to the year or month is written only that precisely.
_ISO_FORMATS = {DatePrecision.YEAR: "%Y", DatePrecision.MONTH: "%Y-%m", DatePrecision.DAY: "%Y-%m-%d"}


def park(park, request) -> dict:
    """A joint park: a place (where it is) and an organisation (who runs it)."""
    url = absolute_url(request, park.get_absolute_url())
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
