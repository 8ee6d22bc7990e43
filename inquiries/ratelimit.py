"""Per-address limit on submissions of the contact form, counted in the database.

``INQUIRY_RATE_LIMIT`` submissions per ``INQUIRY_RATE_PERIOD`` seconds from one
address; the window starts with the first submission. What counts is what costs
something: an accepted inquiry (stored, e-mailed) and a submission caught by
the honeypot. A form sent back with validation errors does not count, so a
person correcting a typo is never locked out.

Taking a place is one conditional UPDATE (``count = count + 1 WHERE count <
limit``) on the address's row, so parallel submissions can never together pass
the limit: PostgreSQL re-checks the condition on the row it waited for, SQLite
runs one writer at a time. The count lives in the database rather than the cache
because an inquiry is stored there anyway: when Redis is down the limit still
holds and the visitor is still answered.

The address is ``core.network.client_ip`` (``X-Forwarded-For`` from a trusted
proxy only). IPv6 visitors are counted per /64 network, since one host usually
owns the whole /64.
"""

import datetime
import ipaddress

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
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


def take_place(request) -> bool:
    """Count one submission from this address; False (nothing counted) when it has used up its
    places in the current window."""
    key = client_key(request)
    now = timezone.now()
    window_start = now - datetime.timedelta(seconds=settings.INQUIRY_RATE_PERIOD)
    rows = SubmissionWindow.objects.filter(client=key)
    running = rows.filter(started_at__gt=window_start)
    limit = settings.INQUIRY_RATE_LIMIT
    # Each step can lose to a parallel request (which then changed the row): try again.
    for _attempt in range(3):
        # A place in the running window …
        if running.filter(count__lt=limit).update(count=F("count") + 1):
            return True
        # … or a new window when the last one has ended …
        if rows.filter(started_at__lte=window_start).update(started_at=now, count=1):
            return True
        if running.filter(count__gte=limit).exists():
            return False
        if rows.exists():
            continue  # another request has just started a new window
        # … or the first window of a new address.
        try:
            with transaction.atomic():
                SubmissionWindow.objects.create(client=key, started_at=now, count=1)
            return True
        except IntegrityError:
            continue  # another request created it first
    return False


def purge_expired():
    """Forget addresses whose window has ended (``purge_inquiries`` runs it daily)."""
    cutoff = timezone.now() - datetime.timedelta(seconds=settings.INQUIRY_RATE_PERIOD)
    return SubmissionWindow.objects.filter(started_at__lte=cutoff).delete()[0]
