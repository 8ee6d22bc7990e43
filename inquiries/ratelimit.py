"""Per-address limit on submissions of the contact form, counted in the database.

``INQUIRY_RATE_LIMIT`` submissions per ``INQUIRY_RATE_PERIOD`` seconds from one
address; the window starts with the first submission. What counts is what costs
something: an accepted inquiry (stored, e-mailed) and a submission caught by
the honeypot. A form sent back with validation errors does not count, so a
person correcting a typo is never locked out.

Taking a place is one statement on the address's row (``INSERT … ON CONFLICT
DO UPDATE SET count = count + 1 … WHERE count < limit``), so parallel
submissions can never together pass the limit: PostgreSQL decides on the row it
locked, SQLite runs one writer at a time. The count lives in the database rather than the cache
because an inquiry is stored there anyway: when Redis is down the limit still
holds and the visitor is still answered.

The address is ``core.network.client_ip`` (``X-Forwarded-For`` from a trusted
proxy only). IPv6 visitors are counted per /64 network, since one host usually
owns the whole /64.
"""

import datetime
import ipaddress

from django.conf import settings
from django.db import connection
from django.utils import timezone
from django.utils.crypto import salted_hmac

from core.network import client_ip
from inquiries.models import SubmissionWindow


def client_key(request):
    """A keyed hash of the client's address (of its /64 for IPv6): never the address itself."""
    address = client_ip(request)
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        ip = "unknown"
    else:
        if ip.version == 6:
            ip = ipaddress.ip_network(f"{ip}/64", strict=False).network_address
    return salted_hmac("inquiries.ratelimit", str(ip)).hexdigest()


# One statement takes a place, whatever the state: a first window for a new address, a new
# window when the last has ended, or one more in the running window while it is below the limit.
# ON CONFLICT … DO UPDATE … WHERE locks the address's row and decides on its current values, so
# parallel submissions cannot together pass the limit; no row returned means no place. The same
# SQL runs on PostgreSQL and SQLite (3.35 and later).
TAKE_PLACE = """
    INSERT INTO {table} ("client", "started_at", "count") VALUES (%s, %s, 1)
    ON CONFLICT ("client") DO UPDATE SET
        "count" = CASE WHEN {table}."started_at" <= %s THEN 1 ELSE {table}."count" + 1 END,
        "started_at" = CASE WHEN {table}."started_at" <= %s THEN excluded."started_at" ELSE {table}."started_at" END
    WHERE {table}."started_at" <= %s OR {table}."count" < %s
    RETURNING 1
"""


def take_place(request) -> bool:
    """Count one submission from this address; False (nothing counted) when it has used up its
    places in the current window."""
    now = timezone.now()
    ended = connection.ops.adapt_datetimefield_value(now - datetime.timedelta(seconds=settings.INQUIRY_RATE_PERIOD))
    sql = TAKE_PLACE.format(table=connection.ops.quote_name(SubmissionWindow._meta.db_table))
    with connection.cursor() as cursor:
        cursor.execute(
            sql,
            [
                client_key(request),
                connection.ops.adapt_datetimefield_value(now),
                ended,
                ended,
                ended,
                settings.INQUIRY_RATE_LIMIT,
            ],
        )
        return cursor.fetchone() is not None


def purge_expired():
    """Forget addresses whose window has ended (``purge_inquiries`` runs it daily)."""
    cutoff = timezone.now() - datetime.timedelta(seconds=settings.INQUIRY_RATE_PERIOD)
    return SubmissionWindow.objects.filter(started_at__lte=cutoff).delete()[0]
