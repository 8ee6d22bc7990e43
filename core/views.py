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

from core import languages, structured_data
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


class OneLanguageMixin:
    """The one behaviour of every content page whose object exists in only some languages.

    For a DetailView of an ``OriginalLanguageModel``: at its address in a language the
    object has no text in, the page is a short notice in the visitor's language ("This
    article is available in 简体中文 only"), with its title in the language it has and a
    link there, instead of a half-translated mix (``noindex``; canonical is the existing
    version). On every version, hreflang alternates name only the languages that exist.
    Lists, feeds and sitemaps leave such objects out by the same rule
    (``SlugQuerySet.in_language``).
    """

    missing_template_name = "core/not_in_this_language.html"

    def available_languages(self):
        return self.object.languages_with_text()

    def is_missing_here(self):
        return not self.object.has_text_in(languages.current())

    def get_template_names(self):
        if self.is_missing_here():
            return [self.missing_template_name]
        return super().get_template_names()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        available = self.available_languages()
        path = self.request.path
        alternates = [alt for alt in languages.alternates(path) if alt.code in available]
        context["alternates"] = alternates
        if alternates:
            default = next((alt for alt in alternates if alt.code == languages.DEFAULT), alternates[0])
            context["x_default_url"] = default.url
        if self.is_missing_here() and alternates:
            context["available_versions"] = [
                {"alternate": alt, "title": self._title_in(alt.code)} for alt in alternates
            ]
            context["canonical_url"] = self.request.build_absolute_uri(alternates[0].url)
            context["object_kind"] = self.object._meta.verbose_name
        return context

    def _title_in(self, code):
        from django.utils import translation

        with translation.override(code):
            return str(self.object)


def favicon(request):
    """Browsers and crawlers ask for /favicon.ico whatever the page links: send them to the icon."""
    from django.http import HttpResponsePermanentRedirect
    from django.templatetags.static import static

    return HttpResponsePermanentRedirect(static("favicon.svg"))
