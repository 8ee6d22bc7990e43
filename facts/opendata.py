"""Open data: the key figures (each with its source) and the parks, as CSV and
JSON in the page's language, for journalists and researchers.

One flat record per row, the same fields in both formats and both languages:
column names are stable English identifiers; the text in them is in the
language of the URL (/en/data/… or /zh-hans/data/…). ``value`` is the exact
number in base units; ``formatted`` is how the site writes it. Dates are ISO
8601 at the precision known ("2008-07" for July 2008), with a ``*_precision``
column. A missing value is empty in CSV and ``null`` in JSON.
"""

from decimal import Decimal

from django.http import JsonResponse

from core import csv_export
from core.i18n import languages
from core.models import DatePrecision
from facts import formatting

FIGURE_FIELDS = [
    "slug",
    "label",
    "value",
    "unit",
    "qualifier",
    "formatted",
    "as_of",
    "as_of_precision",
    "park",
    "park_name",
    "source_title",
    "source_publisher",
    "source_url",
    "source_published_on",
    "source_page",
    "page",
]

PARK_FIELDS = [
    "slug",
    "name",
    "short_name",
    "host",
    "partner",
    "latitude",
    "longitude",
    "partner_latitude",
    "partner_longitude",
    "planned_area_km2",
    "established",
    "established_precision",
    "leading_industries",
    "page",
]


def _number(value):
    """A Decimal for JSON: an integer when whole, else a float (exact for the
    few significant digits figures have); None stays None."""
    if value is None:
        return None
    value = Decimal(value)
    return int(value) if value == value.to_integral_value() else float(value)


def _date(value, precision=DatePrecision.DAY):
    """ISO 8601 at the precision known: "2008-07" for July 2008, never an invented day."""
    return DatePrecision.isoformat(value, precision)


def figure_record(figure, absolute):
    """One KeyFigure as a flat dict; ``absolute`` turns a path into a full URL."""
    source, park = figure.source, figure.park
    return {
        "slug": figure.slug,
        "label": figure.label,
        "value": figure.value,
        "unit": figure.unit,
        "qualifier": figure.qualifier or None,
        "formatted": formatting.format_figure(figure),
        "as_of": _date(figure.as_of, figure.as_of_precision),
        "as_of_precision": figure.as_of_precision if figure.as_of else None,
        "park": park.slug if park else None,
        "park_name": park.name if park else None,
        "source_title": source.title,
        "source_publisher": source.publisher,
        "source_url": source.url or None,
        "source_published_on": _date(source.published_on),
        "source_page": absolute(source.get_absolute_url()),
        "page": absolute(figure.get_absolute_url()),
    }


def park_record(park, absolute):
    return {
        "slug": park.slug,
        "name": park.name,
        "short_name": park.short_name,
        "host": park.host_name,
        "partner": park.partner_name,
        "latitude": park.latitude,
        "longitude": park.longitude,
        "partner_latitude": park.partner_latitude,
        "partner_longitude": park.partner_longitude,
        "planned_area_km2": park.planned_area_km2,
        "established": _date(park.established, park.established_precision),
        "established_precision": park.established_precision if park.established else None,
        "leading_industries": park.leading_industries or None,
        "page": absolute(park.get_absolute_url()),
    }


def csv_response(records, fields, filename):
    return csv_export.csv_response(filename, fields, ([record[name] for name in fields] for record in records))


def json_response(records, dataset, url, filename):
    for record in records:
        for name, value in record.items():
            if isinstance(value, Decimal):
                record[name] = _number(value)
    document = {"dataset": dataset, "language": languages.bcp47(), "url": url, "records": records}
    response = JsonResponse(document, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
