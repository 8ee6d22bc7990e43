"""Shared pytest fixtures. App-specific factories live in each app's tests/factories.py."""

import contextlib

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction

from core import cache


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
        call_command("loaddata", *settings.CONTENT_FIXTURES, verbosity=0)
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
    """The page cache on, as in production (core/cache.py), starting with no fresh page: the
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


def postgresql_settings(port, **options):
    """A settings_dict for Django's ``connections``: the production OPTIONS (core/postgresql/base.py)
    at test scale, a server on this machine."""
    return {
        "ENGINE": "core.postgresql",
        "NAME": "portal",
        "USER": "portal",
        "PASSWORD": "",
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "ATOMIC_REQUESTS": False,
        "AUTOCOMMIT": True,
        "CONN_MAX_AGE": 60,
        "CONN_HEALTH_CHECKS": True,
        "DISABLE_SERVER_SIDE_CURSORS": True,
        "TIME_ZONE": None,
        "TEST": {},
        "OPTIONS": {
            "sslmode": "disable",
            "gssencmode": "disable",
            "connect_timeout": 2,  # libpq's smallest
            "client_timeout": 0.3,
            "health_check_timeout": 0.3,
            "retry_seconds": 5,
            **options,
        },
    }


class HungDatabase:
    """A local TCP endpoint that a PostgreSQL client can be pointed at, and that never answers.

    ``mode`` says when it falls silent: ``"connect"`` (the default) accepts connections and never
    says a word, as a frozen primary or a partition met while connecting; ``"query"`` completes
    the start-up (no password, no TLS) and then never answers, as a server that froze while a
    connection was open. ``accepted`` counts the connections the client opened."""

    # AuthenticationOk, the parameters libpq and Django read, BackendKeyData, ReadyForQuery.
    PARAMETERS = {
        "server_version": "16.0",
        "server_encoding": "UTF8",
        "client_encoding": "UTF8",
        "DateStyle": "ISO, MDY",
        "TimeZone": "UTC",
        "integer_datetimes": "on",
        "standard_conforming_strings": "on",
    }

    def __init__(self, mode="connect"):
        import socket
        import threading

        self.mode = mode
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.05)
        self.port = self.listener.getsockname()[1]
        self.accepted = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.serve, daemon=True)
        self.thread.start()

    def serve(self):
        while not self.stop.is_set():
            with contextlib.suppress(TimeoutError):
                conn, _ = self.listener.accept()
                self.accepted.append(conn)
                if self.mode == "query":
                    with contextlib.suppress(OSError):
                        self.start_up(conn)

    def start_up(self, conn):
        import struct

        conn.settimeout(2)
        length = struct.unpack("!i", conn.recv(4, 0x100))[0]  # MSG_WAITALL: the whole length
        conn.recv(length - 4, 0x100)  # protocol version and parameters: whatever they are
        reply = struct.pack("!cii", b"R", 8, 0)
        for name, value in self.PARAMETERS.items():
            body = f"{name}\0{value}\0".encode()
            reply += struct.pack("!ci", b"S", 4 + len(body)) + body
        reply += struct.pack("!ciii", b"K", 12, 4242, 4242) + struct.pack("!cic", b"Z", 5, b"I")
        conn.sendall(reply)

    def settings(self, **options):
        return postgresql_settings(self.port, **options)

    def close(self):
        self.stop.set()
        self.thread.join()
        for conn in self.accepted:
            conn.close()
        self.listener.close()


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
