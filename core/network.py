"""Who is asking: the client's address, for the inquiry limit and the admin's sign-in lockout.

Behind a reverse proxy ``REMOTE_ADDR`` is the proxy's own address, so every visitor would share
one budget and one lockout. The proxy appends the address it saw to ``X-Forwarded-For`` (nginx:
``proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;``), but anything to the left of
that was written by the client and may be forged. So the header is read only when the request
comes from a proxy listed in ``settings.TRUSTED_PROXIES`` (addresses or networks), and from the
right: the first address that is not itself a trusted proxy is the client. With no trusted
proxy (the default) the header is ignored and ``REMOTE_ADDR`` is the client.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings


@lru_cache(maxsize=8)
def _networks(proxies: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(proxy, strict=False) for proxy in proxies)


def _parse(text: str):
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def client_ip(request) -> str:
    """The client's address as a string (``AXES_CLIENT_IP_CALLABLE`` calls it too)."""
    remote = request.META.get("REMOTE_ADDR", "")
    networks = _networks(tuple(settings.TRUSTED_PROXIES))

    def trusted(ip):
        return ip is not None and any(ip in network for network in networks)

    if not trusted(_parse(remote)):
        return remote
    client = remote
    for hop in reversed(request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")):
        ip = _parse(hop)
        if ip is None:
            break  # not written by a proxy of ours: stop at the last address we could trust
        client = str(ip)
        if not trusted(ip):
            break
    return client
