from django.views.generic import DetailView, ListView

from core.parallel import pair_blocks
from news.models import Article
from parks.models import Park


class ParkListView(ListView):
    model = Park
    template_name = "parks/park_list.html"
    context_object_name = "parks"

    def get_queryset(self):
        return Park.objects.select_related("image")


class ParkDetailView(DetailView):
    model = Park
    template_name = "parks/park_detail.html"
    context_object_name = "park"
    related_articles_count = 5

    def get_queryset(self):
        return Park.objects.select_related("image").prefetch_related("sources")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            related_articles=Article.objects.published()
            .filter(parks=self.object)
            .for_listing()[: self.related_articles_count],
            **kwargs,
        )


class ParkParallelView(DetailView):
    """The park's description in English and Chinese side by side."""

    template_name = "parks/park_parallel.html"
    context_object_name = "park"

    def get_queryset(self):
        return Park.objects.all()

    def get_context_data(self, **kwargs):
        park = self.object
        return super().get_context_data(pairs=pair_blocks(park.description_en, park.description_zh_hans), **kwargs)
