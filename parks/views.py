from django.db.models import Prefetch
from django.views.generic import DetailView, ListView

from core import structured_data
from core.one_language import OneLanguageMixin
from core.side_by_side import SideBySideMixin, pair_blocks
from enterprises.models import Enterprise
from facts import maps
from facts.models import AssessmentResult, KeyFigure, Milestone
from news.models import Article
from parks.models import Park


class ParkListView(ListView):
    model = Park
    template_name = "parks/park_list.html"
    context_object_name = "parks"

    def get_queryset(self):
        return Park.objects.in_language().select_related("image")


class ParkDetailView(OneLanguageMixin, DetailView):
    model = Park
    template_name = "parks/park_detail.html"
    context_object_name = "park"
    related_articles_count = 5
    enterprises_shown = 12  # the rest are one click away, in the directory filtered by park

    def get_queryset(self):
        # Each related list is one query for the page, however long it is.
        return Park.objects.select_related("image").prefetch_related(
            "sources",
            Prefetch(
                "assessment_results", queryset=AssessmentResult.objects.select_related("source").order_by("-year")
            ),
            Prefetch("key_figures", queryset=KeyFigure.objects.with_source()),
            Prefetch("milestones", queryset=Milestone.objects.select_related("source")),
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            structured_data=structured_data.park(self.object, self.request),
            related_articles=Article.objects.published()
            .filter(parks=self.object)
            .for_listing()[: self.related_articles_count],
            enterprises=Enterprise.objects.in_park(self.object)[: self.enterprises_shown],
            park_map=maps.park_map(Park.objects.all(), current=self.object),
            **kwargs,
        )


class ParkSideBySideView(SideBySideMixin, DetailView):
    """The park's description in English and Chinese side by side."""

    template_name = "parks/park_side_by_side.html"
    context_object_name = "park"

    def get_queryset(self):
        return Park.objects.all()

    def get_context_data(self, **kwargs):
        park = self.object
        return super().get_context_data(pairs=pair_blocks(park.description_en, park.description_zh_hans), **kwargs)
