"""Site-wide views: the root redirect and the home page."""

from django.shortcuts import redirect
from django.utils.cache import patch_vary_headers
from django.views.generic import TemplateView

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
        parks = list(Park.objects.all())  # one query for the map and the park cards
        return super().get_context_data(
            parks=parks,
            park_map=maps.park_map(parks),
            headline_figures=KeyFigure.objects.headline(),
            share_chart=charts.bar_chart(KeyFigure.objects.shares()),
            latest_articles=Article.objects.published().for_listing()[: self.latest_count],
            **kwargs,
        )
