"""Site-wide views: the root redirect and the home page."""

from django.shortcuts import redirect
from django.utils.cache import patch_vary_headers
from django.views.generic import TemplateView

from core import structured_data
from news.models import Article
from parks.models import Park


def root_redirect(request):
    """``/`` -> ``/en/`` or ``/zh-hans/`` by the visitor's Accept-Language
    (or language cookie); English when nothing matches."""
    response = redirect("core:home")  # reversed under the language just chosen
    patch_vary_headers(response, ["Accept-Language", "Cookie"])
    return response


class HomeView(TemplateView):
    """What the cooperation is, the six parks, the latest news."""

    template_name = "core/home.html"
    latest_count = 5

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            structured_data=structured_data.website(self.request),
            parks=Park.objects.all(),
            latest_articles=Article.objects.published().for_listing()[: self.latest_count],
            **kwargs,
        )
