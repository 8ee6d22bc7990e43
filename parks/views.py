from django.views.generic import DetailView, ListView

from core import structured_data
from news.models import Article
from parks.models import Park


class ParkListView(ListView):
    model = Park
    template_name = "parks/park_list.html"
    context_object_name = "parks"


class ParkDetailView(DetailView):
    model = Park
    template_name = "parks/park_detail.html"
    context_object_name = "park"
    related_articles_count = 5

    def get_queryset(self):
        return Park.objects.prefetch_related("sources")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            structured_data=structured_data.park(self.object, self.request),
            related_articles=Article.objects.published()
            .filter(parks=self.object)
            .for_listing()[: self.related_articles_count],
            **kwargs,
        )
