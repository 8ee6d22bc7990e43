from django.db.models import Prefetch
from django.views.generic import DetailView, ListView

from core.i18n.one_language import OneLanguageMixin
from core.i18n.side_by_side import SideBySideMixin, pair_blocks
from core.structured_data import StructuredDataMixin
from parks import maps
from parks.models import Park


def related(name):
    """The objects of another app that point at parks, by the relation's name (``key_figures``):
    news, facts and enterprises build on parks, so parks reads them without importing them."""
    return Park._meta.get_field(name).related_model._default_manager


class ParkListView(ListView):
    model = Park
    template_name = "parks/park_list.html"
    context_object_name = "parks"

    def get_queryset(self):
        return Park.objects.in_language().select_related("image")


class ParkDetailView(StructuredDataMixin, OneLanguageMixin, DetailView):
    model = Park
    template_name = "parks/park_detail.html"
    context_object_name = "park"
    related_articles_count = 5
    related_documents_count = 5  # the newest; the rest are in the documents list filtered by park
    enterprises_shown = 12  # the rest are one click away, in the directory filtered by park

    def get_queryset(self):
        # Each related list is one query for the page, however long it is.
        return Park.objects.select_related("image").prefetch_related(
            "sources",
            Prefetch(
                "assessment_results", queryset=related("assessment_results").select_related("source").order_by("-year")
            ),
            Prefetch("key_figures", queryset=related("key_figures").with_source()),
            Prefetch("milestones", queryset=related("milestones").select_related("source")),
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            # Through the reverse relations: the article's own rule of what is public still applies.
            related_articles=self.object.articles.published().for_listing()[: self.related_articles_count],
            # The same way for documents (documents.managers): published, in the page's language.
            related_documents=self.object.documents.published().in_language()[: self.related_documents_count],
            enterprises=self.object.enterprises.all()[: self.enterprises_shown],
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
