"""Shared pytest fixtures. App-specific factories live in each app's tests/factories.py."""

import contextlib

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from django.utils import translation

from core import pagecache as cache
from core.tests.fake_databases import HungDatabase


@pytest.fixture(scope="session")
def _content_rows(django_db_setup, django_db_blocker):
    """The rows that loading the real content leaves, read once per test session.

    ``loaddata`` (validation, natural keys, first versions of the editorial history) runs once,
    in a transaction that is then rolled back; ``content`` inserts the rows it left, one INSERT
    per table, instead of loading the fixtures again for each of some 350 tests."""
    tables = [
        model
        for label in settings.CONTENT_APPS
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
    ]
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_content", verbosity=0)
        rows = [(model, list(model._base_manager.all())) for model in tables]
        transaction.set_rollback(True)
    return [(model, objects) for model, objects in rows if objects]


@pytest.fixture
def content(db, _content_rows):
    """The portal's real content, exactly as `make run` loads it."""
    with transaction.atomic():  # foreign keys are checked at the end, also for transactional tests
        for model, objects in _content_rows:
            model._base_manager.bulk_create(objects)
    # New rows must not take the ids of the inserted ones (PostgreSQL's sequences do not follow).
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), [model for model, _ in _content_rows]):
            cursor.execute(sql)


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
    """The page cache on, as in production (core/pagecache/), starting with no fresh page: the
    cache outlives a test's rolled-back data (and, with REDIS_URL, the process)."""
    settings.PAGE_CACHE = True
    cache.invalidate()


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


@contextlib.contextmanager
def default_database(settings_dict):
    """Django's default database, in every thread, is the one settings_dict describes, until the
    end of the block; then the test database again, untouched meanwhile."""
    from django.db import connections

    from core.postgresql import base as backend

    real, real_settings = connections["default"], connections.settings["default"]
    connections.settings["default"] = settings_dict
    del connections["default"]  # recreated from the settings above, in each thread that asks
    backend._skip_until.clear()
    try:
        yield
    finally:
        connections["default"].close()
        connections.settings["default"] = real_settings
        connections["default"] = real
        backend._skip_until.clear()


@pytest.fixture
def hung_database(db):
    """Django's default database is a PostgreSQL server that accepts connections and never answers
    (``hung_database.mode = "query"``, set before the first request: it answers the start-up
    first)."""
    server = HungDatabase()
    with default_database(server.settings()):
        yield server
    server.close()


@pytest.fixture(autouse=True)
def _no_language_left_active():
    """Each test starts with no language active. A request through the test client leaves its
    language active in the thread (LocaleMiddleware activates it and nothing deactivates it), so
    without this a test's URLs and text would depend on the test run before it in the same
    process (seen: images/tests/test_renditions.py got a Chinese page when run after another)."""
    yield
    translation.deactivate()


@pytest.fixture
def signed_off(db, django_user_model):
    """``signed_off(obj)``: what an editor's save proposed for ``obj``, reviewed and signed off by two
    other people (core/workflow/), as it must be before visitors see it; returns ``obj`` reloaded."""
    from django.contrib.auth.models import Group

    from core import workflow
    from core.editorial.roles import APPROVER, REVIEWER

    def people():
        reviewer, _ = django_user_model.objects.get_or_create(username="reviewer-fixture", defaults={"is_staff": True})
        approver, _ = django_user_model.objects.get_or_create(username="approver-fixture", defaults={"is_staff": True})
        reviewer.groups.add(Group.objects.get(name=REVIEWER))
        approver.groups.add(Group.objects.get(name=APPROVER))
        return django_user_model.objects.get(pk=reviewer.pk), django_user_model.objects.get(pk=approver.pk)

    def sign(obj):
        """``obj``: an item, or a new item's revision (returns the new item)."""
        from core.models.workflow import Revision

        reviewer, approver = people()
        revision = Revision.objects.get(pk=obj.pk) if isinstance(obj, Revision) else workflow.open_revision(obj)
        assert revision is not None, f"nothing is waiting for {obj!r}"
        if revision.state in (revision.State.DRAFT, revision.State.REJECTED):
            revision = workflow.submit(revision, revision.created_by)
        if revision.state == revision.State.IN_REVIEW:
            revision = workflow.approve(revision, reviewer)
        published = workflow.sign_off(revision, approver)
        if isinstance(obj, Revision):
            return published
        obj.refresh_from_db()
        return obj

    return sign
