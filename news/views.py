from django.http import Http404
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from core.gone import GoneMixin
from core.i18n.one_language import OneLanguageMixin
from core.i18n.side_by_side import SideBySideMixin, pair_blocks
from core.preview import PreviewMixin
from core.structured_data import StructuredDataMixin
from news.forms import ArticleFilterForm
from news.models import Article


class ArticleListView(ListView):
    """Newest first, 12 a page; ?park=<slug> and ?year=2023 narrow the list."""

    template_name = "news/article_list.html"
    context_object_name = "articles"
    paginate_by = 12

    def get_queryset(self):
        self.filters = ArticleFilterForm(self.request.GET, years=Article.objects.published().years())
        if not self.filters.is_valid():
            # An unknown park or a year without news, as for an unknown page number.
            raise Http404(_("No such filter."))
        articles = Article.objects.published().for_listing()
        if park := self.filters.cleaned_data["park"]:
            articles = articles.filter(parks=park)
        if year := self.filters.cleaned_data["year"]:
            articles = articles.filter(published_at__year=year)
        return articles

    def get_context_data(self, **kwargs):
        return super().get_context_data(filters=self.filters, **kwargs)


class ArticleDetailView(GoneMixin, PreviewMixin, StructuredDataMixin, OneLanguageMixin, DetailView):
    # An article's own page (its content type says so): the page cache keeps it under the
    # article's version, found from this model and the URL's slug (core/pagecache/middleware.py).
    model = Article
    template_name = "news/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        # Drafts, scheduled articles and unknown slugs are all a 404 for visitors, withdrawn and
        # expired ones a 410 (GoneMixin); staff who may edit articles see them all as a preview.
        return (
            Article.objects.visible_to(self.request.user).select_related("image").prefetch_related("parks", "sources")
        )


class ArticleSideBySideView(SideBySideMixin, ArticleDetailView):
    """The article in English and Chinese side by side, paragraph by paragraph."""

    template_name = "news/article_side_by_side.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(pairs=pair_blocks(self.object.body_en, self.object.body_zh_hans), **kwargs)
