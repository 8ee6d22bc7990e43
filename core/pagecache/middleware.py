"""The page cache's middleware: the one place a request meets the page cache (see the package's
docstring for what is stored, under which key, and for how long)."""

import functools
import logging
import math
import secrets
import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language_from_path, ngettext
from django.views.generic.detail import SingleObjectMixin

from core.canonical import CANONICAL_PARAMS
from core.pagecache import headers, staff
from core.pagecache.backend import CacheSkipped
from core.pagecache.versions import (
    SHARED_KEY,
    VERSION_KEY,
    VERSION_SECONDS,
    _failed,
    has_own_pages,
    new_version,
    object_key,
)

logger = logging.getLogger(__name__)

# Public pages without a language prefix, the same in every language (LocaleMiddleware's
# "Vary: Accept-Language" on them is dropped).
CACHED_PATHS = {"/sitemap.xml"}
# A render that takes longer than this (or a worker that died while rendering) lets another
# request render the page too.
LOCK_SECONDS = 10
# How long a request waits for another's render of a page that has no copy to serve yet.
LOCK_WAIT_SECONDS = 3


def page_key(request) -> str:
    """Scheme, host, path and the canonical query parameters, in a fixed order (each name's
    values keep theirs: views read the last one)."""
    params = [(name, value) for name in CANONICAL_PARAMS for value in request.GET.getlist(name)]
    url = request.build_absolute_uri(request.path)  # a bad Host header is a 400 here, as everywhere
    return f"page-cache:{url}?{urlencode(params)}"


def is_public(request) -> bool:
    path = request.path_info
    return request.method in ("GET", "HEAD") and bool(path in CACHED_PATHS or get_language_from_path(path))


def own_page_key(request) -> str | None:
    """The version of the object whose own page this is (``object_key``), or None: the URL
    resolves to a detail view (``model``, a slug) of a model with own pages (an article's page and
    its side-by-side page). Found from the URL, so that the middleware reads it with the rest, in
    one round trip, before the view reads the object: an edit committed meanwhile then leaves the
    page stale, never the reverse."""
    return _own_page_key(getattr(request, "urlconf", None) or settings.ROOT_URLCONF, request.path_info)


# Resolving costs more than a hit itself (0.3 ms: the URLconf is tried pattern by pattern), and
# a path resolves to the same view for the life of the process: each path is resolved once.
@functools.lru_cache(maxsize=10_000)
def _own_page_key(urlconf: str, path: str) -> str | None:
    try:
        with translation.override(get_language_from_path(path)):  # i18n_patterns match the active language
            match = resolve(path, urlconf)
    except Resolver404:
        return None
    view = getattr(match.func, "view_class", None)
    if not (view and issubclass(view, SingleObjectMixin) and view.model and has_own_pages(view.model)):
        return None
    slug = match.kwargs.get(view.slug_url_kwarg)
    return object_key(view.model, slug) if slug else None


def share_gone(request, response):
    """A 404 or 410 for a visitor is shared like the page it replaces (``headers.not_found_headers``);
    signed-in staff's is not (theirs may be a preview's). Applied here to every public address; a
    view outside them whose answers a cache in front keeps (a document's file) calls it itself."""
    if response.status_code in headers.GONE_STATUSES and not staff.is_staff(request):
        headers.not_found_headers(response)


def fresh_until(response, when):
    """Store the page no longer than until ``when`` (a datetime): the page of an item with an
    expiry time, which its expiry changes without any save (core/gone.py)."""
    response.page_cache_until = when.timestamp()


def is_fresh(entry, current: dict) -> bool:
    """Stored under versions that are current (``current``: see PageCacheMiddleware.lookup), and young enough."""
    return (
        bool(entry)
        and all(current.get(key) == token for key, token in entry["versions"].items())
        and timezone.now().timestamp() < entry["expires"]
    )


class PageCacheMiddleware:
    """Near the top of MIDDLEWARE: it stores the response the inner middleware made (CSP, frame
    options), and a hit skips sessions, CSRF and the view."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.respond(request)
        if is_public(request):
            share_gone(request, response)
        staff.mark(request, response)
        return response

    def respond(self, request):
        path = request.path_info
        if not settings.PAGE_CACHE or not is_public(request):
            return self.get_response(request)
        if staff.is_staff(request):
            response = self.get_response(request)
            patch_cache_control(response, private=True, no_store=True)
            return response

        key = page_key(request)
        lock = f"{key}:lock"
        try:
            own = own_page_key(request)
            current, entry = self.lookup(key, own)
            if is_fresh(entry, current):
                return self.replay(entry, "HIT")
            rendering_here = cache.add(lock, 1, LOCK_SECONDS)
            # Another request may have stored it between the lookup and the lock.
            if rendering_here and is_fresh(fresh := cache.get(key), current):
                cache.delete(lock)
                return self.replay(fresh, "HIT")
        except Exception as error:
            self.log_failure(error, "Page cache unavailable for %s", path)
            return self.get_response(request)
        if not rendering_here:
            # Another request is rendering this page: give the previous copy, or wait for the new.
            if entry:
                return self.replay(entry, "STALE")
            if entry := self.wait_for(key):
                return self.replay(entry, "HIT")
        try:
            response = self.get_response(request)
            if path in CACHED_PATHS and response.get("Vary") == "Accept-Language":
                del response["Vary"]
            if request.method == "GET" and headers.is_shareable(response):
                self.store(key, self.versions(current, own), response)
            elif response.cookies:  # a form's CSRF token: this visitor's only
                patch_cache_control(response, private=True)
            elif entry and response.status_code in headers.GONE_STATUSES:
                # Withdrawn, expired or deleted: its previous copy is never given again, not
                # even to a request that comes while another renders (a "STALE" copy).
                self.forget(key)
        finally:
            if rendering_here:
                self.forget(lock)
        return response

    @staticmethod
    def lookup(key, own=None):
        """The current versions and this page's stored entry (or None), in one round trip: the
        site's versions, the page and, for an own page, its object's version (``own``). More only
        when a version is missing: it is drawn then."""
        found = cache.get_many([VERSION_KEY, SHARED_KEY, key, *([own] if own else [])])
        version = found.get(VERSION_KEY)
        if version is None or found.get(SHARED_KEY) is None:
            found.update(new_version())  # the key was lost: every page is rendered again once
        elif version[1] is not None and version[1] <= timezone.now().timestamp():
            found.update(new_version(shared=False))  # a scheduled item is due: the lists change
        current = {VERSION_KEY: found[VERSION_KEY][0], SHARED_KEY: found[SHARED_KEY]}
        if own:
            # First visit since the object's version was lost or never drawn: draw it, unless
            # another request just did (then that one's is the version).
            token = found.get(own)
            if token is None and not cache.add(own, token := secrets.token_hex(8), VERSION_SECONDS):
                token = cache.get(own)
            current[own] = token
        entry = found.get(key)
        if entry and (more := [name for name in entry["versions"] if name not in current]):
            current.update(cache.get_many(more))
        return current, entry

    @staticmethod
    def versions(current, own=None) -> dict:
        """What the page just rendered depends on: the site version, or for an own page the
        shared version and its object's (read in the lookup, before the view read the object)."""
        if own and current.get(own) is not None:
            return {SHARED_KEY: current[SHARED_KEY], own: current[own]}
        return {VERSION_KEY: current[VERSION_KEY]}

    @staticmethod
    def wait_for(key):
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        while time.monotonic() < deadline:
            time.sleep(0.05)
            try:
                if entry := cache.get(key):
                    return entry
            except Exception:
                return None
        return None

    @staticmethod
    def replay(entry, status):
        response = HttpResponse(entry["content"], headers=entry["headers"])
        response["X-Cache"] = status
        return response

    def store(self, key, versions, response):
        now = timezone.now().timestamp()
        headers.stored_page_headers(response, now)
        entry = {
            "versions": versions,
            "expires": min(now + settings.PAGE_CACHE_SECONDS, getattr(response, "page_cache_until", math.inf)),
            "headers": list(response.items()),
            "content": response.content,
        }
        try:
            # Kept past its freshness, so there is a copy to give while it is rendered again.
            cache.set(key, entry, 2 * settings.PAGE_CACHE_SECONDS)
        except Exception as error:
            self.log_failure(error, "Could not cache %s", key)
            return
        response["X-Cache"] = "MISS"

    def forget(self, key):
        try:
            cache.delete(key)
        except Exception as error:
            self.log_failure(error, "Could not release %s", key)

    @staticmethod
    def log_failure(error, message, *args):
        # While the cache is skipped, every request would log the same: the breaker logged it once.
        if not isinstance(error, CacheSkipped):
            logger.warning(message, *args, exc_info=True)


class InvalidationNoticeMiddleware:
    """Tells an editor whose change could not invalidate the page cache (the shared cache was
    unreachable from this instance) how long visitors may still see the previous version. After
    MessageMiddleware, so that the message is stored with the response (the admin's redirect)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        _failed.invalidation = False
        response = self.get_response(request)
        if _failed.invalidation:
            minutes = headers.stale_minutes()
            message = ngettext(
                "Your change is saved, but the page cache could not be cleared: visitors may see "
                "the previous version for up to %(minutes)d minute.",
                "Your change is saved, but the page cache could not be cleared: visitors may see "
                "the previous version for up to %(minutes)d minutes.",
                minutes,
            )
            messages.warning(request, message % {"minutes": minutes}, fail_silently=True)
        return response
