from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        from search.index import sync_search_indexes

        # After every migrate (once: post_migrate is sent per app, this app's only): both
        # databases' search indexes, from the models' search_weights (search/index.py).
        post_migrate.connect(sync_search_indexes, sender=self, dispatch_uid="search.sync_search_indexes")
