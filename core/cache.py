"""The page cache: whole public pages, shared by every worker and instance, fresh after every edit.

- **What.** GET and HEAD of the public pages (under a language prefix, ``/en/…``, ``/zh-hans/…``)
  and the sitemap. A response is stored when it is a 200 that sets no cookie (a page with a CSRF
  token sets one), is not ``private`` or ``no-store`` (drafts, previews, ``never_cache``) and
  varies on no request header but Cookie. Signed-in staff (a signed marker cookie, set at sign-in and removed
  at sign-out, checked without a query) always get a freshly rendered page, marked private; any
  other cookie, a forged ``sessionid`` included, gets the cached page.
- **Where.** Django's ``default`` cache: Redis when ``REDIS_URL`` is set, else a directory of
  files that every worker of the machine shares (production settings).
- **The key.** Scheme, host and path, and only the query parameters that choose what a page
  shows (``CANONICAL_PARAMS``): ``?utm_source=…`` does not split the cache. The response's
  ``Vary: Cookie`` (the session, looked at for staff previews) is dropped: staff are told apart.
- **Freshness.** *Versions*, random tokens kept in the cache, drawn anew when content changes (at
  the commit of any save, delete or many-to-many change of a model of ``settings.CONTENT_APPS``,
  loaddata included), after ``migrate`` (so every deploy), and when a scheduled item becomes
  public (the site version records when the next one is due). A page stores the tokens it was
  rendered under and is fresh while they are current and it is younger than ``PAGE_CACHE_SECONDS``:
  - most pages depend on the *site version* (``VERSION_KEY``), which every change renews;
  - an *own page* (``OwnPageMixin``: an article's page) shows one object and content of other
    kinds (its parks, sources, image, the site's details), never others of its kind. It depends
    on the *shared version* (``SHARED_KEY``: every change but one to a single object of a model
    with ``own_page_cache``) and on its object's version (``object_key``). Saving an article
    then re-renders its own pages and every page that lists articles, not the 10,000 other
    articles' pages (a spike with edits in the middle, #18).
  Bulk ``QuerySet.update()`` sends no signal: call ``invalidate()`` after it.
- **No dog-pile.** A stale page is rendered again by one request at a time (a lock per page,
  ``cache.add``: atomic in Redis; in the file cache two workers may rarely both win it); meanwhile
  the others get the previous copy or, for a page never stored yet, wait for it.
- **HTTP.** Stored pages carry ``ETag`` and ``Last-Modified`` (``ConditionalGetMiddleware``
  answers 304) and ``Cache-Control`` for browsers (``max-age=0``: ask every time) and for a shared
  cache in front (``s-maxage``, ``stale-if-error``; see deploy/nginx/portal.conf and
  docs/operations.md). No ``stale-while-revalidate``: a copy served while the app is asked
  again could be of a page the app has since withdrawn. A 404 or 410 of a public address is
  shareable for ``s-maxage`` too, without any stale directive, so that a cache in front
  replaces its copy of a withdrawn page with the 404 (``not_found_headers``).
- **Failures.** A failing cache costs a page its speed, never the page. ``RedisCache`` gives up
  after short timeouts and is then skipped for ``CACHE_RETRY_SECONDS`` (a circuit breaker per
  process). An edit whose invalidation fails is saved, and its editor is told for how long
  visitors may still see the previous version (``stale_minutes()``).
"""

import functools
import logging
import math
import secrets
import threading
import time
from urllib.parse import urlencode

import redis
from django.apps import apps
from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.core.cache.backends import redis as django_redis
from django.db import DEFAULT_DB_ALIAS, transaction
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import cc_delim_re, patch_cache_control, set_response_etag
from django.utils.http import http_date
from django.utils.translation import get_language_from_path, ngettext
from simple_history.models import HistoricalChanges

from core import registry
from core.context_processors import CANONICAL_PARAMS

logger = logging.getLogger(__name__)

VERSION_KEY = "page-cache:version"
SHARED_KEY = "page-cache:version:shared"
# Lives longer than any page; if it is lost (eviction, a Redis restart), a new token is drawn and
# every page is rendered again once: never an old page.
VERSION_SECONDS = 24 * 3600
# Public pages without a language prefix, the same in every language (LocaleMiddleware's
# "Vary: Accept-Language" on them is dropped).
CACHED_PATHS = {"/sitemap.xml"}
STAFF_COOKIE = "staff"
STAFF_COOKIE_SALT = "core.cache"
# A render that takes longer than this (or a worker that died while rendering) lets another
# request render the page too.
LOCK_SECONDS = 10
# How long a request waits for another's render of a page that has no copy to serve yet.
LOCK_WAIT_SECONDS = 3
# For a shared cache in front (Cache-Control): how long after its s-maxage (SHARED_CACHE_SECONDS)
# it may give its copy while the site fails (5xx, timeout, refused). Never while the site answers:
# then the page may have been withdrawn (no stale-while-revalidate, docs/operations.md).
STALE_IF_ERROR = 24 * 3600
# The answers that say a page is withdrawn (unpublished, deleted, moved to another slug).
GONE_STATUSES = {404, 410}


# --- The content version -----------------------------------------------------------------------


@functools.cache
def content_models() -> frozenset:
    """Models whose changes can change a public page: every model of settings.CONTENT_APPS (the
    apps backups export), many-to-many tables included, but not their editorial history.
    Inquiries, accounts, sessions and the admin log are not content: saving them must not
    empty the cache."""
    return frozenset(
        model
        for label in settings.CONTENT_APPS
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
        if not issubclass(model, HistoricalChanges)
    )


def next_publication() -> float | None:
    """When the next scheduled item becomes public (a timestamp), from every content queryset
    that can tell (``ArticleQuerySet.next_publication``)."""
    times = []
    for model in content_models():
        queryset = model._default_manager.all()
        if hasattr(queryset, "next_publication") and (due := queryset.next_publication()):
            times.append(due.timestamp())
    return min(times, default=None)


def new_version(shared: bool = True, objects=()) -> dict:
    """Draw a new site version (every page but own pages is stale from now on), and a new shared
    version (every page) or new versions of some objects' own pages. Random tokens, not counters,
    so that concurrent edits never agree on one value and a lost key is never reused. Returns
    what it set."""
    values = {VERSION_KEY: (secrets.token_hex(8), next_publication())}
    values.update({key: secrets.token_hex(8) for key in [*([SHARED_KEY] if shared else []), *objects]})
    cache.set_many(values, VERSION_SECONDS)
    return values


def object_key(model, slug: str) -> str:
    """The version of one object's own pages (see OwnPageMixin): by slug, as its URL names it."""
    return f"page-cache:version:{model._meta.label_lower}:{slug}"


# Set when an invalidation failed during the current request (see InvalidationNoticeMiddleware).
_failed = threading.local()


class Invalidation:
    """Make stale, at once: every stored page (``objects`` empty), or the pages that list content
    and the own pages of these objects (``object_key``s). Equal when their objects are, so that a
    transaction registers each once. Never raises: an edit must not fail for the cache."""

    def __init__(self, objects=frozenset()):
        self.objects = frozenset(objects)
        self.ran = False  # tests' captured callbacks stay in run_on_commit after they ran

    def __eq__(self, other):
        return isinstance(other, Invalidation) and other.objects == self.objects

    def __hash__(self):
        return hash(self.objects)

    def __repr__(self):
        return f"Invalidation({sorted(self.objects) or 'every page'})"

    def __call__(self):
        self.ran = True
        try:
            new_version(shared=not self.objects, objects=self.objects)
        except Exception:
            logger.warning("Could not invalidate the page cache", exc_info=True)
            _failed.invalidation = True


invalidate = Invalidation()

# More own pages than this changed in one transaction (loaddata), and it invalidates everything.
MAX_OBJECTS = 20


def invalidate_on_commit(objects=frozenset(), using=DEFAULT_DB_ALIAS):
    """Invalidate when the current transaction commits (at once outside one), so that no page
    rendered from the data before the commit survives it; once per transaction and object,
    however many times it saves them (loaddata of 10,000 articles: once, everything)."""
    connection = transaction.get_connection(using)
    # One registered at this savepoint level (or an outer one) is dropped only with it, if rolled back.
    level = set(connection.savepoint_ids)
    pending = [
        callback
        for ids, callback, *_rest in connection.run_on_commit
        if ids <= level and isinstance(callback, Invalidation) and not callback.ran
    ]
    if invalidate in pending or objects and any(objects <= entry.objects for entry in pending):
        return
    if objects and len(pending) >= MAX_OBJECTS:
        objects = frozenset()
    transaction.on_commit(Invalidation(objects), using=using)


def changed_objects(instance, reverse) -> frozenset:
    """The own pages a change is confined to, or nothing when it may show on any page: the
    object's, for a save, delete or many-to-many change of one object of a model with
    ``own_page_cache`` (an article's page shows no other article). A slug changed since the
    object was read leaves a page at the old address to make stale too."""
    model = type(instance)
    if reverse or not getattr(registry.get(model), "own_page", False):  # reverse: a park's articles changed
        return frozenset()
    slugs = {instance.slug, getattr(instance, "_loaded_slug", instance.slug)}
    return frozenset(object_key(model, slug) for slug in slugs if slug)


def content_changed(sender, instance=None, using=DEFAULT_DB_ALIAS, action="post_", reverse=False, **kwargs):
    """post_save, post_delete and m2m_changed (whose ``action`` is pre_… or post_…)."""
    if action.startswith("post_") and sender in content_models():
        invalidate_on_commit(changed_objects(instance, reverse), using)


class OwnPageMixin:
    """For the detail view of a model with ``own_page_cache``: reads the object's version before
    the object is read from the database (so that an edit committed meanwhile leaves the page
    stale, never the reverse) and has the page cache store the page under it."""

    def get_object(self, queryset=None):
        queryset = self.get_queryset() if queryset is None else queryset
        if not settings.PAGE_CACHE:
            return super().get_object(queryset)
        key = object_key(queryset.model, self.kwargs[self.slug_url_kwarg])
        try:
            token = cache.get(key)
            if token is None:
                cache.add(key, secrets.token_hex(8), VERSION_SECONDS)
                token = cache.get(key)
        except Exception:
            token = None  # the page cache will not store it either
        if token is not None:
            self.request.page_cache_object = (key, token)
        return super().get_object(queryset)


# --- Redis, with short timeouts and a circuit breaker --------------------------------------------


class CacheSkipped(redis.ConnectionError):
    """Raised at once, without a network round trip, while the cache is being skipped."""


# LOCATION -> time.monotonic() until which the cache is skipped, for every thread of this process.
_skip_until: dict[str, float] = {}


class RedisCache(django_redis.RedisCache):
    """Django's Redis cache, skipped for ``CACHE_RETRY_SECONDS`` after a failure, so that a hung
    or unreachable Redis costs one timeout (``OPTIONS``: socket timeouts of a fraction of a
    second), not one per cache call of every request. Callers handle the exception as they
    handle Redis being down."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self.location = server if isinstance(server, str) else ",".join(server)


def _guarded(name):
    method = getattr(django_redis.RedisCache, name)

    @functools.wraps(method)
    def guarded(self, *args, **kwargs):
        if time.monotonic() < _skip_until.get(self.location, 0):
            raise CacheSkipped(f"{self.location} failed recently")
        try:
            return method(self, *args, **kwargs)
        except (redis.ConnectionError, redis.TimeoutError) as error:
            _skip_until[self.location] = time.monotonic() + settings.CACHE_RETRY_SECONDS
            logger.warning("Cache %s failed (%s): skipped for %s s", self.location, error, settings.CACHE_RETRY_SECONDS)
            raise

    return guarded


for _name in ("add", "get", "set", "touch", "delete", "get_many", "has_key", "incr", "set_many", "delete_many"):
    setattr(RedisCache, _name, _guarded(_name))


# --- The middleware ----------------------------------------------------------------------------


def page_key(request) -> str:
    """Scheme, host, path and the canonical query parameters, in a fixed order (each name's
    values keep theirs: views read the last one)."""
    params = [(name, value) for name in CANONICAL_PARAMS for value in request.GET.getlist(name)]
    url = request.build_absolute_uri(request.path)  # a bad Host header is a 400 here, as everywhere
    return f"page-cache:{url}?{urlencode(params)}"


def is_staff(request) -> bool:
    """Signed in to the admin, by the marker cookie: no session lookup, no query."""
    max_age = settings.SESSION_COOKIE_AGE
    return request.get_signed_cookie(STAFF_COOKIE, None, salt=STAFF_COOKIE_SALT, max_age=max_age) == "1"


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


def is_fresh(entry, current: dict) -> bool:
    """Stored under versions that are current (``current``: see PageCacheMiddleware.lookup), and young enough."""
    return (
        bool(entry)
        and all(current.get(key) == token for key, token in entry["versions"].items())
        and timezone.now().timestamp() < entry["expires"]
    )


def stale_minutes() -> int:
    """For how long a visitor may see a page from before an edit that could not invalidate the
    cache: the life of a stored page, then of the copy a shared cache in front may keep."""
    return math.ceil((settings.PAGE_CACHE_SECONDS + settings.SHARED_CACHE_SECONDS) / 60)


class PageCacheMiddleware:
    """Near the top of MIDDLEWARE: it stores the response the inner middleware made (CSP, frame
    options), and a hit skips sessions, CSRF and the view."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.respond(request)
        if response.status_code in GONE_STATUSES:
            self.not_found_headers(request, response)
        signed_in = getattr(request, "staff_signed_in", None)  # set by the signals at the end
        if signed_in:
            response.set_signed_cookie(
                STAFF_COOKIE,
                "1",
                salt=STAFF_COOKIE_SALT,
                max_age=settings.SESSION_COOKIE_AGE,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        elif signed_in is False:
            response.delete_cookie(STAFF_COOKIE, samesite="Lax")
        return response

    @staticmethod
    def is_public(request) -> bool:
        path = request.path_info
        return request.method in ("GET", "HEAD") and bool(path in CACHED_PATHS or get_language_from_path(path))

    @staticmethod
    def not_found_headers(request, response):
        """A 404/410 of a public address, for every visitor, may be kept by a cache in front for
        s-maxage: it then replaces that cache's copy of the page, which would otherwise stay
        there and be served again (nginx keeps a copy it could not replace, and gives it while
        the app fails). Never stale-if-error: a 404 kept past its s-maxage would hide a page
        published since. Not for staff (their 404 may be a preview's), nor when the answer
        sets a cookie or varies on anything but the session (see is_shareable)."""
        if (
            not PageCacheMiddleware.is_public(request)
            or is_staff(request)
            or response.cookies
            or response.has_header("Cache-Control")
            or varies_beyond_cookie(response)
        ):
            return
        if response.has_header("Vary"):
            del response["Vary"]  # Cookie only: staff are told apart by their marker cookie
        patch_cache_control(response, max_age=0, s_maxage=settings.SHARED_CACHE_SECONDS)

    def respond(self, request):
        path = request.path_info
        if not settings.PAGE_CACHE or not self.is_public(request):
            return self.get_response(request)
        if is_staff(request):
            response = self.get_response(request)
            patch_cache_control(response, private=True, no_store=True)
            return response

        key = page_key(request)
        lock = f"{key}:lock"
        try:
            current, entry = self.lookup(key)
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
            if request.method == "GET" and is_shareable(response):
                self.store(key, self.versions(request, current), response)
            elif response.cookies:  # a form's CSRF token: this visitor's only
                patch_cache_control(response, private=True)
        finally:
            if rendering_here:
                self.forget(lock)
        return response

    @staticmethod
    def lookup(key):
        """The current versions and this page's stored entry (or None): one round trip, two for an
        own page (its object's version)."""
        found = cache.get_many([VERSION_KEY, SHARED_KEY, key])
        version = found.get(VERSION_KEY)
        if version is None or found.get(SHARED_KEY) is None:
            found.update(new_version())  # the key was lost: every page is rendered again once
        elif version[1] is not None and version[1] <= timezone.now().timestamp():
            found.update(new_version(shared=False))  # a scheduled item is due: the lists change
        current = {VERSION_KEY: found[VERSION_KEY][0], SHARED_KEY: found[SHARED_KEY]}
        entry = found.get(key)
        if entry and (more := [name for name in entry["versions"] if name not in current]):
            current.update(cache.get_many(more))
        return current, entry

    @staticmethod
    def versions(request, current) -> dict:
        """What the page just rendered depends on: the site version, or for an own page the
        shared version and its object's (read by OwnPageMixin before the object was)."""
        if own := getattr(request, "page_cache_object", None):
            return {SHARED_KEY: current[SHARED_KEY], own[0]: own[1]}
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
        entry = {
            "versions": versions,
            "expires": now + settings.PAGE_CACHE_SECONDS,
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
            minutes = stale_minutes()
            message = ngettext(
                "Your change is saved, but the page cache could not be cleared: visitors may see "
                "the previous version for up to %(minutes)d minute.",
                "Your change is saved, but the page cache could not be cleared: visitors may see "
                "the previous version for up to %(minutes)d minutes.",
                minutes,
            )
            messages.warning(request, message % {"minutes": minutes}, fail_silently=True)
        return response


# --- Signals (connected in CoreConfig.ready) ---------------------------------------------------


def staff_signed_in(sender, request, user, **kwargs):
    if request is not None:
        request.staff_signed_in = user.is_staff


def staff_signed_out(sender, request, **kwargs):
    if request is not None:
        request.staff_signed_in = False


def migrated(**kwargs):
    # Data migrations use historical models, unknown to content_changed; and every deploy migrates.
    invalidate()


def connect_signals(app_config):
    from django.contrib.auth.signals import user_logged_in, user_logged_out
    from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save

    post_save.connect(content_changed, dispatch_uid="page_cache_post_save")
    post_delete.connect(content_changed, dispatch_uid="page_cache_post_delete")
    m2m_changed.connect(content_changed, dispatch_uid="page_cache_m2m_changed")
    post_migrate.connect(migrated, sender=app_config, dispatch_uid="page_cache_post_migrate")
    user_logged_in.connect(staff_signed_in, dispatch_uid="page_cache_signed_in")
    user_logged_out.connect(staff_signed_out, dispatch_uid="page_cache_signed_out")
