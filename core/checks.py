"""System checks for settings that would otherwise fail silently."""

from django.conf import settings
from django.core import checks

FRAGMENT_BACKENDS = {"core.cache.FragmentCache", "django.core.cache.backends.dummy.DummyCache"}


@checks.register(checks.Tags.caches)
def check_fragment_cache(app_configs, **kwargs):
    """Django's {% cache %} tag falls back to the default cache when there is no
    "template_fragments" cache. Its keys would then miss the content version, and the map or
    the header would stay stale after an edit until they expired."""
    backend = settings.CACHES.get("template_fragments", {}).get("BACKEND")
    if backend in FRAGMENT_BACKENDS:
        return []
    return [
        checks.Error(
            f'CACHES["template_fragments"] is {backend or "missing"}.',
            hint="Use FRAGMENT_CACHE from coop_portal/settings/base.py (or DummyCache to turn fragments off).",
            id="core.E001",
        )
    ]
