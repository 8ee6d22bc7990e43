"""Shared pytest fixtures. App-specific factories live in each app's tests/factories.py."""

import pytest
from django.core.management import call_command


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
