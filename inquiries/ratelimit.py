"""Per-address limit on submissions of the contact form, kept in Django's cache.

``INQUIRY_RATE_LIMIT`` submissions per ``INQUIRY_RATE_PERIOD`` seconds from one
address; the window starts with the first submission. What counts is what costs
something: an accepted inquiry (stored, e-mailed) and a submission caught by
the honeypot. A form sent back with validation errors does not count, so a
person correcting a typo is never locked out.

The address is ``REMOTE_ADDR``. Behind a reverse proxy that is the proxy's own
address, so every visitor would share one budget: the proxy must then pass the
client address (e.g. nginx ``real_ip`` / ``X-Forwarded-For`` handled by a
trusted middleware) before this limit is meaningful. IPv6 visitors are counted
per /64 network, since one host usually owns the whole /64.
"""

import ipaddress

from django.conf import settings
from django.core.cache import cache


def client_key(request):
    address = request.META.get("REMOTE_ADDR", "")
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return "inquiries:rate:unknown"
    if ip.version == 6:
        ip = ipaddress.ip_network(f"{ip}/64", strict=False).network_address
    return f"inquiries:rate:{ip}"


def is_limited(request):
    return (cache.get(client_key(request)) or 0) >= settings.INQUIRY_RATE_LIMIT


def count(request):
    """Record one submission from this address."""
    key = client_key(request)
    # add() starts the window only if none is running; incr() keeps its expiry.
    cache.add(key, 0, timeout=settings.INQUIRY_RATE_PERIOD)
    try:
        cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, timeout=settings.INQUIRY_RATE_PERIOD)
