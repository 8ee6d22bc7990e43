"""The public page cache: whole pages for anonymous visitors, invalidated when content changes.

One middleware (``PageCacheMiddleware``) caches every public page of the site, so a page added by
any app is covered without a decorator. What it stores, and why it never serves a stale page:

- **Which requests.** GET and HEAD of a path under a language prefix (``/en/…``, ``/zh-hans/…``:
  the public pages), without a session cookie. A session cookie means a signed-in editor (the site
  gives visitors none), who always gets a freshly rendered page. The admin, ``/`` (which redirects
  by Accept-Language) and machine endpoints have no language prefix and are never cached.
- **Which responses.** 200s that set no cookie (a page with a CSRF-protected form sets one and is
  therefore never cached), are not ``Cache-Control: private`` or ``no-store`` (staff previews,
  ``never_cache``), and vary on nothing but ``Cookie``.
- **The key.** The page's absolute URL (scheme, host, language prefix, query string), the code
  release (a hash of templates, translations, Python sources and the static manifest, so a deploy
  never serves pages rendered by the previous code) and the site-wide *content version*.
- **Invalidation.** Every save, delete or many-to-many change of a model of this repository's apps
  (``content_models()``: the ``ContentModel`` subclasses and whatever else an app stores) bumps the
  content version, including ``loaddata`` (raw saves) and deletes from the admin. Old pages are
  simply never looked up again and expire. The version lives in the shared cache (Redis in
  production), so an edit through one app server is seen by every other on its next request.
  Bulk ``QuerySet.update()`` and ``bulk_create()`` send no signals: call ``bump_content_version()``
  after them.
- **Scheduled publication.** A page is never kept past the next time a scheduled item becomes
  public (``next_publication()`` of any content queryset that defines it, e.g.
  ``ArticleQuerySet``), so a scheduled article appears on every list at its time, with no job.
- **Conditional GET.** Stored pages carry an ETag; ``ConditionalGetMiddleware`` (placed before this
  one) answers ``If-None-Match`` with 304. ``Cache-Control: max-age=0, must-revalidate`` makes
  browsers ask every time, so they never show a page older than the server's.

The middleware sits near the top of ``MIDDLEWARE`` (after security, static files and conditional
GET), so it sees the final response of the inner middleware (cookies, Vary, CSP, X-Frame-Options)
and a hit skips sessions, CSRF and the view entirely. ``PAGE_CACHE`` turns it on; it is on in
production only with a shared cache (``REDIS_URL``): with per-process local memory one worker could
not see another's invalidation.
"""

import functools
import hashlib
import logging
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.core.signals import request_started
from django.db import DEFAULT_DB_ALIAS, transaction
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import cc_delim_re, patch_cache_control, patch_vary_headers, set_response_etag
from django.utils.translation import get_language, get_language_from_path

logger = logging.getLogger(__name__)

VERSION_KEY = "page-cache:content-version"
# The version key expires a day after its series began (a new series then starts, see below), so
# test runs with their own key prefix leave nothing behind in a shared Redis for long.
VERSION_SERIES_SECONDS = 24 * 3600
# What a cached "no scheduled item" looks like (None means "not cached").
NOTHING_SCHEDULED = "none"
# Response headers a page may vary on and still be shared by all anonymous visitors: the
# middleware only serves requests without a session cookie, so Cookie is accounted for.
SHAREABLE_VARY = {"cookie"}


# --- Content version --------------------------------------------------------------------------


def content_version() -> int:
    """The site-wide content version, shared by every app server through the cache."""
    version = cache.get(VERSION_KEY)
    if version is None:
        # First request after Redis lost the key (restart, eviction): start a new series from the
        # clock in microseconds, so no number of an earlier series (whose pages may still be
        # cached) is used again. add() lets concurrent first requests agree on one value.
        cache.add(VERSION_KEY, time.time_ns() // 1000, timeout=VERSION_SERIES_SECONDS)
        version = cache.get(VERSION_KEY)
    return version


# Whether this process has cached a page since it last bumped the version (see below).
_stored_since_bump = False


# The content version read by this thread during its current request (see current_content_version).
_request_version = threading.local()


def current_content_version() -> int:
    """The content version for this request: read from the shared cache once per request (and
    again after this process bumps it), then from memory. Every fragment of one page then comes
    from the same version, and a page with several fragments costs one cache read."""
    version = getattr(_request_version, "value", None)
    if version is None:
        version = _request_version.value = content_version()
    return version


def _note_stored():
    """A page or fragment was cached under the current version (see bump_content_version)."""
    global _stored_since_bump
    _stored_since_bump = True


def _forget_request_version(**kwargs):
    _request_version.value = None


def _incr_version():
    global _stored_since_bump
    _stored_since_bump = False
    _forget_request_version()
    try:
        try:
            cache.incr(VERSION_KEY)
        except ValueError:  # the key is missing: any new value invalidates
            content_version()
    except Exception:
        # The cache is unreachable. The edit must not fail for it: pages cached before the outage
        # may be served until they expire (PAGE_CACHE_SECONDS) if the cache comes back with them.
        logger.exception("Could not invalidate the page cache")


def _incr_version_after_commit():
    _incr_version()


def bump_content_version(using=DEFAULT_DB_ALIAS):
    """Invalidate every cached page: call after changing content without model signals.

    Outside a transaction the version is bumped at once. Inside one, it is bumped when the
    transaction commits (once, however many objects it saves: loaddata of 10,000 articles), so a
    page that another request rendered from the data before the commit is never served; and also
    at once if this process cached a page since its last bump, since that page may be read again
    inside this transaction (tests do), before the commit.
    """
    connection = transaction.get_connection(using)
    if not connection.in_atomic_block:
        _incr_version()
        return
    if not any(entry[1] is _incr_version_after_commit for entry in connection.run_on_commit):
        transaction.on_commit(_incr_version_after_commit, using=using)
    if _stored_since_bump:
        _incr_version()


@functools.cache
def content_models() -> frozenset:
    """Models whose changes can change a public page: every model of the content apps
    (settings.CONTENT_APPS, the same list backups export), many-to-many tables included.
    Investor inquiries, accounts, sessions and the admin log are not content: saving them
    must not empty the cache."""
    return frozenset(
        model
        for label in settings.CONTENT_APPS
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
    )


def _content_changed(sender, using=DEFAULT_DB_ALIAS, **kwargs):
    if sender in content_models():
        bump_content_version(using)


def _m2m_changed(sender, action, using=DEFAULT_DB_ALIAS, **kwargs):
    if action.startswith("post_") and sender in content_models():
        bump_content_version(using)


def _bump_on_any(**kwargs):
    _incr_version()


def connect_signals():
    """Called from ``CoreConfig.ready()``."""
    from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
    from django.test.signals import setting_changed

    post_save.connect(_content_changed, dispatch_uid="page_cache_post_save")
    post_delete.connect(_content_changed, dispatch_uid="page_cache_post_delete")
    m2m_changed.connect(_m2m_changed, dispatch_uid="page_cache_m2m_changed")
    # Data migrations use historical models, which send no signals we recognise.
    post_migrate.connect(_bump_on_any, dispatch_uid="page_cache_post_migrate")
    request_started.connect(_forget_request_version, dispatch_uid="page_cache_request_started")
    # Tests that change a setting (template, language, feature) must not get a page rendered
    # before the change. Only override_settings sends this signal.
    setting_changed.connect(_bump_on_any, dispatch_uid="page_cache_setting_changed")


# --- Scheduled publication -----------------------------------------------------------------------


def _compute_next_publication(now: datetime) -> datetime | None:
    times = []
    for model in content_models():
        queryset = model._default_manager.all()
        if hasattr(queryset, "next_publication"):
            due = queryset.next_publication(now)
            if due is not None:
                times.append(due)
    return min(times, default=None)


def next_publication(version: int, now: datetime) -> datetime | None:
    """When the next scheduled item becomes public, computed once per content version (and again
    once that time has passed), not on every request."""
    key = f"page-cache:next-publication:{version}"
    cached = cache.get(key)
    if cached is not None and (cached == NOTHING_SCHEDULED or cached > now):
        return None if cached == NOTHING_SCHEDULED else cached
    due = _compute_next_publication(now)
    timeout = settings.PAGE_CACHE_SECONDS if due is None else (due - now).total_seconds()
    cache.set(key, NOTHING_SCHEDULED if due is None else due, max(1, int(timeout)))
    return due


def valid_until(version: int, now: datetime) -> datetime:
    """Until when something rendered from content now may be kept: PAGE_CACHE_SECONDS at most,
    and never past the time the next scheduled item becomes public."""
    expires = now + timedelta(seconds=settings.PAGE_CACHE_SECONDS)
    due = next_publication(version, now)
    return expires if due is None else min(expires, due)


# --- Release fingerprint -----------------------------------------------------------------------


@functools.cache
def release() -> str:
    """A short hash of what renders pages besides the content: templates, translations, Python
    sources of this repository's apps and the hashed static file names. Instances running the
    same code share cached pages; a deploy starts with an empty page cache."""
    base_dir = Path(settings.BASE_DIR)
    paths = [*(base_dir / "templates").rglob("*.html"), *(base_dir / "locale").rglob("*.po")]
    for app_config in apps.get_app_configs():
        app_path = Path(app_config.path)
        if app_path.resolve().parent == base_dir.resolve():
            paths += app_path.rglob("*.py")
            paths += app_path.rglob("templates/**/*.html")
    paths += (base_dir / "coop_portal").rglob("*.py")
    if settings.STATIC_ROOT:
        paths.append(Path(settings.STATIC_ROOT) / "staticfiles.json")
    digest = hashlib.blake2b(digest_size=6)
    for path in sorted(set(paths)):
        if path.is_file():
            digest.update(str(path.relative_to(base_dir)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


# --- The middleware ----------------------------------------------------------------------------


def _is_shareable(response) -> bool:
    """A response every anonymous visitor of this URL may be given."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    directives = cc_delim_re.split(response.get("Cache-Control", ""))
    if {part.split("=")[0].strip().lower() for part in directives} & {"private", "no-store"}:
        return False
    vary = {part.strip().lower() for part in cc_delim_re.split(response.get("Vary", "")) if part.strip()}
    return vary <= SHAREABLE_VARY


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = self._cacheable_language(request)
        if language is None:
            return self.get_response(request)
        url = request.build_absolute_uri()  # a bad Host header is a 400 here, as everywhere
        try:
            key, expires_at, cached = self._lookup(url, language)
        except Exception:
            # The cache is an optimisation, never a reason to fail a page: render it instead.
            logger.exception("Page cache unavailable for %s", request.path)
            return self.get_response(request)
        if cached is not None:
            return cached

        response = self.get_response(request)
        if request.method == "GET" and _is_shareable(response):
            try:
                self._store(key, response, expires_at)
            except Exception:
                logger.exception("Could not cache %s", request.path)
        return response

    @staticmethod
    def _lookup(url, language):
        """The page's cache key, until when a page rendered now may be kept, and the cached page."""
        version = current_content_version()
        digest = hashlib.blake2b(url.encode(), digest_size=16).hexdigest()
        key = f"page-cache:page:{release()}:{version}:{language}:{digest}"
        now = timezone.now()
        entry = cache.get(key)
        if entry is not None:
            expires, headers, content = entry
            # Checked here too: the cache's own timeout is in whole seconds.
            if now.timestamp() < expires:
                response = HttpResponse(content, headers=headers)
                response["X-Cache"] = "HIT"
                return key, None, response
        # Before rendering (an item due during the render makes the page shorter-lived, never stale).
        return key, valid_until(version, now), None

    @staticmethod
    def _cacheable_language(request) -> str | None:
        """The page's language if this request may be served from the cache, else None."""
        if not settings.PAGE_CACHE or request.method not in ("GET", "HEAD"):
            return None
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            return None
        return get_language_from_path(request.path_info)

    @staticmethod
    def _store(key, response, expires_at):
        timeout = int((expires_at - timezone.now()).total_seconds())
        if timeout < 1:
            return
        if not response.has_header("ETag"):
            set_response_etag(response)
        patch_cache_control(response, max_age=0, must_revalidate=True)
        patch_vary_headers(response, ["Cookie"])
        cache.set(key, (expires_at.timestamp(), list(response.items()), response.content), timeout)
        _note_stored()
        response["X-Cache"] = "MISS"


# --- Fragments ---------------------------------------------------------------------------------


class FragmentCache(LocMemCache):
    """The ``template_fragments`` cache, which Django's ``{% cache %}`` tag uses: parts of a page
    that many pages share and that cost far more to render than to look up (the map, the blank
    inquiry form, the site header). A page the page cache misses is still rendered from the
    database; only these parts are reused (docs/performance.md measures both).

    Every key includes the content version and the active language, so a template only names
    what else the fragment depends on (``{% cache 3600 park-map park.slug %}``) and an edit
    anywhere invalidates every fragment, as it does every page. Fragments are kept in each
    process's memory: the version they are keyed on is shared (Redis), so an edit through one
    app server is seen by every other on its next request, and a deploy starts empty.
    """

    def make_key(self, key, version=None):
        language = get_language() or settings.LANGUAGE_CODE
        return super().make_key(f"{current_content_version()}:{language}:{key}", version)

    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except Exception:
            # The shared cache holding the version is unreachable: render the fragment instead.
            logger.warning("Fragment cache unavailable (no content version)", exc_info=True)
            return default

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            super().set(key, value, timeout, version)
        except Exception:
            logger.warning("Fragment not cached (no content version)", exc_info=True)
            return
        _note_stored()


def remember(name: str, compute):
    """A value derived from content and shared by many pages, computed once per content version
    and language: the years that have news, which every page and filter of the news list needs
    and which PostgreSQL finds by reading every published article.

    Kept where fragments are (the same switch, the same invalidation), and never past the next
    scheduled publication, which can change it without an edit (unlike the fragments)."""
    store = caches["template_fragments"]
    key = f"value:{name}"
    found = store.get(key)
    now = timezone.now()
    if found is not None and now.timestamp() < found[1]:  # the cache's own timeout is in whole seconds
        return found[0]
    value = compute()
    try:
        expires = valid_until(current_content_version(), now)
    except Exception:
        logger.warning("Not remembering %s (no content version)", name, exc_info=True)
        return value
    timeout = int((expires - now).total_seconds())
    if timeout >= 1:
        store.set(key, (value, expires.timestamp()), timeout)
    return value
