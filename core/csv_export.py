"""Every CSV file the site writes (open data, the inquiry export) goes through ``csv_response``,
so that each is safe to open in a spreadsheet.

A cell whose text starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is run as
a formula by Excel, WPS and LibreOffice: a key-figure label or a park name set to
``=HYPERLINK("http://evil.example/", "Source")`` would put a link, or worse, into a journalist's
spreadsheet. Such text is written with a leading apostrophe, which the spreadsheet shows as
plain text. Numbers are written as numbers (a negative value is not a formula).
"""

import csv
from decimal import Decimal

from django.http import HttpResponse

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def cell(value) -> str:
    """One cell as text: empty for None, numbers as written, text defused."""
    if value is None:
        return ""
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        # Never in exponent form, without trailing zeros: Decimal("13.60") -> 13.6.
        return format(Decimal(value).normalize(), "f")
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_PREFIXES) else text


def csv_response(filename, header, rows) -> HttpResponse:
    """A CSV download: ``header`` and each of ``rows`` are lists of cell values."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # UTF-8 with a byte-order mark: without it Excel opens the file as the system's code page
    # and shows the Chinese text as mojibake.
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow([cell(value) for value in header])
    writer.writerows([cell(value) for value in row] for row in rows)
    return response
