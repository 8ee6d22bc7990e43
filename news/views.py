from django.views.generic import DetailView, ListView

from core.parallel import pair_blocks
from core.views import PreviewMixin
from news.models import Article


class ArticleListView(ListView):
    template_name = "news/article_list.html"
    context_object_name = "articles"
    paginate_by = 12

    def get_queryset(self):
        return Article.objects.published().for_listing()


class ArticleDetailView(PreviewMixin, DetailView):
    template_name = "news/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        # Drafts, scheduled articles and unknown slugs are all a 404 for visitors;
        # staff who may edit articles see drafts and scheduled ones as a preview.
        return Article.objects.visible_to(self.request.user).select_related("image").prefetch_related("parks")


class ArticleParallelView(ArticleDetailView):
    """The article in English and Chinese side by side, paragraph by paragraph."""

    template_name = "news/article_parallel.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(pairs=pair_blocks(self.object.body_en, self.object.body_zh_hans), **kwargs)
