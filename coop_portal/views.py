"""Site-wide views: the root redirect, the home page and the health check."""

import logging
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections
from django.http import JsonResponse
from django.shortcuts import redirect
from django.utils.cache import patch_vary_headers
from django.views.generic import TemplateView

from core import structured_data
from core.i18n import languages
from facts import charts
from facts.models import KeyFigure
from news.models import Article
from parks import maps
from parks.models import Park


def root_redirect(request):
    """``/`` -> ``/en/``, ``/zh-hans/`` or ``/zh-hant/`` by the language the visitor last read in
    (Django's language cookie, which static/js/site.js sets from ``<html lang>`` on every page
    view, so the cached pages set no cookie), else their Accept-Language (zh-TW, zh-HK:
    Traditional); English when nothing matches."""
    response = redirect("core:home")  # reversed under the language just chosen
    patch_vary_headers(response, ["Accept-Language", "Cookie"])
    return response


def chinese_alias_redirect(request, alias, rest=""):
    """/zh/, /zh-cn/, /cn/ (and anything under them): the same path under /zh-hans/; /zh-tw/,
    /zh-hk/, /zh-Hant/…: under /zh-hant/ (``core.i18n.languages.ALIASES``), for visitors who type
    the code they know. Permanent, so the address bar learns it."""
    return redirect(f"/{languages.ALIASES[alias]}/{rest}", permanent=True)


class HomeView(TemplateView):
    """The dashboard: what the cooperation is, its headline figures with their
    sources, the shares chart, the map, the latest news and the six parks."""

    template_name = "core/home.html"
    latest_count = 5

    def get_context_data(self, **kwargs):
        parks = list(Park.objects.select_related("image"))  # one query for the map and the park cards
        return super().get_context_data(
            structured_data=structured_data.website(self.request),
            parks=parks,
            park_map=maps.park_map(parks),
            headline_figures=KeyFigure.objects.headline(),
            share_chart=charts.bar_chart(KeyFigure.objects.shares()),
            latest_articles=Article.objects.published().for_listing()[: self.latest_count],
            **kwargs,
        )


logger = logging.getLogger(__name__)

# The cache probe runs in its own thread with a deadline, so that a cache that accepts
# connections but never answers cannot hold the health check, whatever its client's timeouts.
HEALTHZ_CACHE_DEADLINE = 0.5  # seconds
_cache_prober = ThreadPoolExecutor(max_workers=1, thread_name_prefix="healthz-cache")
# The database probe likewise: a database that does not answer is a 503 within this deadline,
# below the 2 s a connection may take (libpq's smallest connect_timeout; docs/operations.md).
HEALTHZ_DATABASE_DEADLINE = 1.5  # seconds
_database_prober = ThreadPoolExecutor(max_workers=1, thread_name_prefix="healthz-database")


def _probe_database(deadline: float) -> bool:
    # Queued behind a hung probe until its health check had given up: not worth a connection.
    if time.monotonic() > deadline:
        return False
    # A new connection each time, closed after: it asks what a request needs (can this instance
    # reach its database now?), and leaves no connection behind in the prober's thread.
    database = connections.create_connection(DEFAULT_DB_ALIAS)
    try:
        with database.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    finally:
        database.close()


def _probe_cache() -> bool:
    # A key of its own: probes of other workers and instances never read each other's token.
    key, token = f"healthz-probe:{uuid.uuid4().hex}", "ok"
    cache.set(key, token, 5)
    return cache.get(key) == token


def healthz(request):
    """For a load balancer: 503 only when this instance cannot serve pages (its database does
    not answer); 200 otherwise, with ``"status": "degraded"`` and the part that failed named
    while the cache is down (pages are then served uncached, docs/operations.md).
    Never cached, never language-prefixed, no session touched."""
    checks = {}
    probe = _database_prober.submit(_probe_database, time.monotonic() + HEALTHZ_DATABASE_DEADLINE)
    try:
        checks["database"] = "ok" if probe.result(timeout=HEALTHZ_DATABASE_DEADLINE) else "error"
    except Exception:  # noqa: BLE001 - any failure means "not healthy"
        probe.cancel()  # if still queued behind a hung probe, do not pile up
        logger.exception("health check: database")
        checks["database"] = "error"
    probe = _cache_prober.submit(_probe_cache)
    try:
        checks["cache"] = "ok" if probe.result(timeout=HEALTHZ_CACHE_DEADLINE) else "error"
    except Exception:  # noqa: BLE001 - unreachable, hung or refusing: degraded, not down
        probe.cancel()  # if still queued behind a hung probe, do not pile up
        logger.warning("health check: cache unavailable", exc_info=True)
        checks["cache"] = "error"
    if checks["database"] != "ok":
        status, code = "error", 503
    elif checks["cache"] != "ok":
        status, code = "degraded", 200
    else:
        status, code = "ok", 200
    response = JsonResponse({"status": status, **checks}, status=code)
    response["Cache-Control"] = "no-store"
    return response


def favicon(request):
    """Browsers and crawlers ask for /favicon.ico whatever the page links: send them to the icon."""
    from django.http import HttpResponsePermanentRedirect
    from django.templatetags.static import static

    return HttpResponsePermanentRedirect(static("favicon.svg"))
