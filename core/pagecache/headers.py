"""Which responses every visitor may be given, and the HTTP headers that let browsers and a
shared cache in front (nginx: deploy/nginx/portal.conf, docs/operations.md) keep them."""

import math

from django.conf import settings
from django.utils.cache import cc_delim_re, patch_cache_control, set_response_etag
from django.utils.http import http_date

# For a shared cache in front (Cache-Control): how long after its s-maxage (SHARED_CACHE_SECONDS)
# it may give its copy while the site fails (5xx, timeout, refused). Never while the site answers:
# then the page may have been withdrawn (no stale-while-revalidate, docs/operations.md).
STALE_IF_ERROR = 24 * 3600
# The answers that say a page is withdrawn (unpublished, deleted, moved to another slug).
GONE_STATUSES = {404, 410}


def varies_beyond_cookie(response) -> bool:
    """Whether the response varies on a request header other than Cookie (it is then never shared)."""
    headers = {part.strip().lower() for part in cc_delim_re.split(response.get("Vary", "")) if part.strip()}
    return bool(headers - {"cookie"})


def is_shareable(response) -> bool:
    """A response every visitor of this URL may be given. It may vary on Cookie (a view that
    looked at the session, for staff previews): signed-in staff, the only visitors with a
    session, are told apart by their marker cookie, here and in a proxy in front."""
    if response.status_code != 200 or response.streaming or response.cookies or varies_beyond_cookie(response):
        return False
    directives = {part.split("=")[0].strip().lower() for part in cc_delim_re.split(response.get("Cache-Control", ""))}
    return not directives & {"private", "no-store", "no-cache"}


def stored_page_headers(response, now: float):
    """A page about to be stored: the same for every visitor, with ETag and Last-Modified
    (``ConditionalGetMiddleware`` answers 304), ``max-age=0`` for browsers (ask every time) and
    ``s-maxage`` and ``stale-if-error`` for a shared cache in front."""
    if response.has_header("Vary"):
        del response["Vary"]  # Cookie only (is_shareable): the page is the same for every visitor
    if not response.has_header("ETag"):
        set_response_etag(response)
    response.headers.setdefault("Last-Modified", http_date(now))
    patch_cache_control(
        response,
        max_age=0,
        s_maxage=settings.SHARED_CACHE_SECONDS,
        stale_if_error=STALE_IF_ERROR,
    )


def not_found_headers(response):
    """A 404/410 of a public address, for every visitor, may be kept by a cache in front for
    s-maxage: it then replaces that cache's copy of the page, which would otherwise stay
    there and be served again (nginx keeps a copy it could not replace, and gives it while
    the app fails). Never stale-if-error: a 404 kept past its s-maxage would hide a page
    published since. The caller leaves out staff (their 404 may be a preview's); nothing
    here when the answer sets a cookie or varies on anything but the session (see is_shareable)."""
    if response.cookies or response.has_header("Cache-Control") or varies_beyond_cookie(response):
        return
    if response.has_header("Vary"):
        del response["Vary"]  # Cookie only: staff are told apart by their marker cookie
    patch_cache_control(response, max_age=0, s_maxage=settings.SHARED_CACHE_SECONDS)


def stale_minutes() -> int:
    """For how long a visitor may see a page from before an edit that could not invalidate the
    cache: the life of a stored page, then of the copy a shared cache in front may keep."""
    return math.ceil((settings.PAGE_CACHE_SECONDS + settings.SHARED_CACHE_SECONDS) / 60)
