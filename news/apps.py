from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News")

    def ready(self):
        from core import registry
        from news.models import Article
        from news.structured_data import news_article

        registry.register(
            registry.ContentType(
                Article,
                key="article",
                label=_("News"),
                list_url="news:list",
                sitemap_section="news",
                fixtures=["news"],  # with the sources and picture the articles cite
                history_m2m=["parks"],
                date_field="published_at",
                # A scheduled article's page appears when it is published, not when it was saved.
                modified=("published_at", "updated_at"),
                structured_data=news_article,
                own_page=True,  # an article's page shows no other article (core/pagecache/)
                gaps=registry.without_sources,
            )
        )
