"""Shared pytest fixtures. App-specific factories live in each app's tests/factories.py."""

import pytest
from django.core.management import call_command

from core import cache


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
def page_cache(settings, db):
    """The page cache on, as in production (core/cache.py), starting with no fresh page: the
    cache outlives a test's rolled-back data (and, with REDIS_URL, the process)."""
    settings.PAGE_CACHE = True
    cache.invalidate()
