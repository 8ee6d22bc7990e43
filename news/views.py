from django.views.generic import DetailView, ListView

from core import structured_data
from news.models import Article


class ArticleListView(ListView):
    template_name = "news/article_list.html"
    context_object_name = "articles"
    paginate_by = 12

    def get_queryset(self):
        return Article.objects.published().for_listing()


class ArticleDetailView(DetailView):
    template_name = "news/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        # Drafts, scheduled articles and unknown slugs are all a 404 for visitors.
        return Article.objects.published().prefetch_related("parks")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            structured_data=structured_data.news_article(self.object, self.request), **kwargs
        )
