"""Site-wide views: the root redirect, the home page and the health check."""

import logging
import uuid

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import NoReverseMatch, reverse
from django.utils.cache import add_never_cache_headers, patch_cache_control, patch_vary_headers
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


def chinese_alias_redirect(request, rest=""):
    """/zh/, /zh-cn/, /cn/ (and anything under them): the same path under /zh-hans/,
    for visitors who type the code they know. Permanent, so the address bar learns it."""
    return redirect(f"/zh-hans/{rest}", permanent=True)


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


class PreviewMixin:
    """Staff preview of unpublished content at its real public URL.

    For a DetailView whose ``get_queryset()`` is ``Model.objects.visible_to(user)``:
    visitors only ever get public rows (a draft is a 404 for them), while staff
    with change permission also get drafts and scheduled items, annotated
    ``is_public=False``. Such a page carries a banner ("Draft — not public" /
    "Scheduled for …", templates/includes/preview_banner.html) and is sent
    ``Cache-Control: private, no-store`` so that no cache keeps or shares it.
    """

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if not getattr(self.object, "is_public", True):
            opts = self.object._meta
            try:
                edit_url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[self.object.pk])
            except NoReverseMatch:
                edit_url = None
            context["preview"] = {"object": self.object, "edit_url": edit_url}
        return context

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if context.get("preview"):
            add_never_cache_headers(response)  # no-cache, no-store, must-revalidate, private
            patch_cache_control(response, private=True, no_store=True)
        return response


def favicon(request):
    """Browsers and crawlers ask for /favicon.ico whatever the page links: send them to the icon."""
    from django.http import HttpResponsePermanentRedirect
    from django.templatetags.static import static

    return HttpResponsePermanentRedirect(static("favicon.svg"))
