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
  public or the next expiry time comes (the site version records when the next one is due:
  ``next_publication()``). A page stores the tokens it was rendered under and is fresh while they
  are current and it is younger than ``PAGE_CACHE_SECONDS`` (and, for the page of an item with an
  expiry time, until that time: ``fresh_until``, core/gone.py):
  - most pages depend on the *site version* (``VERSION_KEY``), which every change renews;
  - an *own page* (a detail view, with ``model``, of a model whose content type says
    ``own_page``: an article's page) shows one object and content of other kinds (its parks,
    sources, image, the site's details), never others of its kind. It depends on the *shared
    version* (``SHARED_KEY``: every change but one to a single object of such a model) and on its
    object's version (``object_key``), which the middleware finds from the URL. Saving an article
    then re-renders its own pages and every page that lists articles, not the 10,000 other
    articles' pages (a spike with edits in the middle, #18).
  Bulk ``QuerySet.update()`` sends no signal: call ``invalidate()`` after it.
- **Once per request.** Only the middleware enters the page cache, and it reads everything a page
  needs (the versions, the stored page, an own page's object version) in one round trip; a miss
  adds the render lock, the store and the lock's release. The view never touches it.
- **No dog-pile.** A stale page is rendered again by one request at a time (a lock per page,
  ``cache.add``: atomic in Redis; in the file cache two workers may rarely both win it); meanwhile
  the others get the previous copy or, for a page never stored yet, wait for it.
- **HTTP.** Stored pages carry ``ETag`` and ``Last-Modified`` (``ConditionalGetMiddleware``
  answers 304) and ``Cache-Control`` for browsers (``max-age=0``: ask every time) and for a shared
  cache in front (``s-maxage``, ``stale-if-error``; see deploy/nginx/portal.conf and
  docs/operations.md). No ``stale-while-revalidate``: a copy served while the app is asked
  again could be of a page the app has since withdrawn. A 404 or 410 of a public address is
  shareable for ``s-maxage`` too, without any stale directive, so that a cache in front
  replaces its copy of a withdrawn page with the 404 (``not_found_headers``, applied by
  ``share_gone``; a document's file, outside the public addresses, applies it itself).
- **Failures.** A failing cache costs a page its speed, never the page. ``RedisCache`` gives up
  after short timeouts and is then skipped for ``CACHE_RETRY_SECONDS`` (a circuit breaker per
  process). An edit whose invalidation fails is saved, and its editor is told for how long
  visitors may still see the previous version (``stale_minutes()``).

The modules, one concern each:

- ``versions``: the content version, what changes it and the invalidation at commit;
- ``backend``: the Redis cache backend with its circuit breaker (settings ``CACHES``);
- ``staff``: the signed marker cookie that tells signed-in staff apart;
- ``headers``: which responses may be shared, and the headers stored pages and 404s carry;
- ``middleware``: ``PageCacheMiddleware`` (the one place a request enters the page cache) and
  ``InvalidationNoticeMiddleware``;
- ``signals``: the receivers ``CoreConfig.ready`` connects.
"""

from core.pagecache.backend import RedisCache, _skip_until
from core.pagecache.headers import STALE_IF_ERROR, stale_minutes
from core.pagecache.middleware import InvalidationNoticeMiddleware, PageCacheMiddleware, fresh_until, share_gone
from core.pagecache.staff import STAFF_COOKIE
from core.pagecache.versions import (
    MAX_OBJECTS,
    VERSION_KEY,
    Invalidation,
    content_models,
    invalidate,
    invalidate_on_commit,
)

__all__ = [
    "MAX_OBJECTS",
    "STAFF_COOKIE",
    "STALE_IF_ERROR",
    "VERSION_KEY",
    "Invalidation",
    "InvalidationNoticeMiddleware",
    "PageCacheMiddleware",
    "RedisCache",
    "_skip_until",
    "content_models",
    "fresh_until",
    "invalidate",
    "invalidate_on_commit",
    "share_gone",
    "stale_minutes",
]
