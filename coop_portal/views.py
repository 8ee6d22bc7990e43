"""Site-wide views: the root redirect, the home page and the health check."""

import logging
import uuid

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import redirect
from django.utils.cache import patch_vary_headers
from django.views.generic import TemplateView

from core import structured_data
from facts import charts, maps
from facts.models import KeyFigure
from news.models import Article
from parks.models import Park


def root_redirect(request):
    """``/`` -> ``/en/`` or ``/zh-hans/`` by the visitor's Accept-Language
    (or language cookie); English when nothing matches."""
    response = redirect("core:home")  # reversed under the language just chosen
    patch_vary_headers(response, ["Accept-Language", "Cookie"])
    return response


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


def healthz(request):
    """For a load balancer: 200 when the database and the cache answer, else 503.
    Never cached, never language-prefixed, no session touched."""
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        checks["database"] = "ok"
    except Exception:  # noqa: BLE001 - any failure means "not healthy"
        logger.exception("health check: database")
        checks["database"] = "error"
    try:
        key, token = "healthz-probe", uuid.uuid4().hex
        cache.set(key, token, 10)
        checks["cache"] = "ok" if cache.get(key) == token else "error"
    except Exception:  # noqa: BLE001
        logger.exception("health check: cache")
        checks["cache"] = "error"
    healthy = all(value == "ok" for value in checks.values())
    response = JsonResponse({"status": "ok" if healthy else "error", **checks}, status=200 if healthy else 503)
    response["Cache-Control"] = "no-store"
    return response


def favicon(request):
    """Browsers and crawlers ask for /favicon.ico whatever the page links: send them to the icon."""
    from django.http import HttpResponsePermanentRedirect
    from django.templatetags.static import static

    return HttpResponsePermanentRedirect(static("favicon.svg"))
