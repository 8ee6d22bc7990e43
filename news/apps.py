from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News")

    def ready(self):
        from core.history import register_history
        from news.models import Article

        register_history(Article, m2m_fields=["parks"])
