"""Shared pytest fixtures. App-specific factories live in each app's tests/factories.py."""

import pytest
from django.core.management import call_command

from core.cache import bump_content_version


@pytest.fixture
def content(db):
    """The portal's real content, exactly as `make run` loads it."""
    call_command("loaddata", "parks", "news", "figures", "enterprises", "timeline", verbosity=0)


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


@pytest.fixture
def media_root(settings, tmp_path):
    """Uploads and renditions go to a temporary folder, empty at the start."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    return settings.MEDIA_ROOT


@pytest.fixture
def page_cache(settings):
    """The shared page cache on, as in production (core/cache.py)."""
    settings.PAGE_CACHE = True


@pytest.fixture(autouse=True)
def _fresh_page_cache():
    """Each test starts with no cached page: the cache outlives a test's rolled-back data (and,
    with REDIS_URL, the process), and pages are cached in tests as in production."""
    bump_content_version()


@pytest.fixture
def closed_port():
    """A local TCP port nothing listens on: connecting to it is refused at once, as to a
    Redis that is down (no need to stop the real one)."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def cache_refusing_connections(settings, closed_port):
    """The default cache is a Redis that refuses connections."""
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port}/0",
        },
    }
