from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core"

    def ready(self):
        from core.search import sync_search_indexes

        # After every migrate (once, not per app): the SQLite search indexes.
        post_migrate.connect(sync_search_indexes, sender=self, dispatch_uid="core.sync_search_indexes")

        # Content changes invalidate the page cache; staff sign-in marks the browser (core/cache.py).
        from core import cache

        cache.connect_signals(self)

        # Remembers each user's admin language at sign-in.
        from core import admin_language, languages  # noqa: F401

        # A derived language (Traditional) reads the written one's columns (core/languages.py).
        languages.install()
