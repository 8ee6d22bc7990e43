from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core"

    def ready(self):
        # Content changes invalidate the page cache (core/cache.py).
        from core import cache

        cache.connect_signals()
