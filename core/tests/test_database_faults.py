"""A database that accepts connections but does not answer (a frozen primary, a network partition),
as visitors meet it: cached pages as fast as ever, other pages a prompt bilingual error page, the
health check a prompt 503, and everything back by itself once the database answers again.

The database here is a local endpoint that never answers (``hung_database`` in conftest.py), with
the production settings' options at test scale (connect_timeout 2 s, libpq's smallest; a 0.3 s
client deadline): the tests run the same on the SQLite and PostgreSQL runs of the suite. Timings
are bounds with a wide margin, not measurements (those: docs/operations.md)."""

import time

import pytest
from django.conf import settings
from django.db import close_old_connections, connections
from django.test import Client

from conftest import default_database
from core.postgresql import base as backend
from core.tests.fake_databases import FreezableProxy, postgresql_settings

# Production: DATABASE_CONNECT_TIMEOUT (2 s) at worst, then nothing while the breaker is open.
UNCACHED_BOUND = 3.0
# An error page while the breaker is open: no network; a wide margin for a busy test machine (the
# connections counted are the exact check).
AT_ONCE = 1.0


@pytest.fixture
def anon():
    # What a visitor gets, the 500 page included, rather than the exception.
    return Client(raise_request_exception=False)


def visit(client, path):
    """A request as the WSGI handler runs it: Django's test client leaves out the
    close_old_connections() of request_started and request_finished, which drop a broken
    persistent connection or run CONN_HEALTH_CHECKS' health check."""
    close_old_connections()
    started = time.monotonic()
    try:
        response = client.get(path)
    finally:
        close_old_connections()
    return response, time.monotonic() - started


def assert_bilingual_error_page(response):
    assert response.status_code == 500
    text = response.content.decode()
    assert "Please try again in a few minutes." in text and "服务器出现问题，请稍后再试。" in text


def test_an_uncached_page_is_the_bilingual_error_page_within_seconds(anon, hung_database):
    response, took = visit(anon, "/en/parks/")
    assert_bilingual_error_page(response)
    assert took < UNCACHED_BOUND, took
    assert len(hung_database.accepted) == 1
    # Meanwhile this process does not try again: the next requests fail at once, so a crowd of
    # them cannot hold every worker thread while cached pages wait behind them.
    for path in ("/zh-hans/parks/", "/en/news/", "/zh-hans/"):
        response, took = visit(anon, path)
        assert_bilingual_error_page(response)
        assert took < AT_ONCE, took
    assert len(hung_database.accepted) == 1


def test_a_database_that_froze_with_the_connection_open_costs_the_client_deadline(anon, hung_database):
    hung_database.mode = "query"  # the connection is made; the first query is never answered
    response, took = visit(anon, "/en/parks/")
    assert_bilingual_error_page(response)
    assert took < 1.5, took  # the 0.3 s deadline, once (production: 6 s)
    assert len(hung_database.accepted) == 1
    response, took = visit(anon, "/en/parks/")
    assert_bilingual_error_page(response)
    assert took < AT_ONCE, took
    assert len(hung_database.accepted) == 1  # the broken connection was dropped, none reopened


def test_healthz_is_a_503_within_two_seconds(client, hung_database):
    for _ in range(2):  # the second while the first probe may still wait
        started = time.monotonic()
        response = client.get("/healthz")
        assert time.monotonic() - started < 2
        assert response.status_code == 503
        assert response.json()["database"] == "error"
        assert response["Cache-Control"] == "no-store"


@pytest.mark.parametrize("mode", ["connect", "query"])
def test_cached_pages_are_served_at_once_while_the_database_hangs(anon, page_cache, request, mode):
    assert anon.get("/en/").status_code == 200  # stored, from the real database
    assert anon.get("/zh-hans/parks/").status_code == 200
    hung = request.getfixturevalue("hung_database")
    hung.mode = mode
    for path in ("/en/", "/zh-hans/parks/", "/en/"):
        response, took = visit(anon, path)
        assert response.status_code == 200 and response["X-Cache"] == "HIT"
        assert took < 0.5, took
    assert hung.accepted == []  # no database touched on the way: no session, auth, axes, context


def test_the_database_is_tried_again_by_itself(anon, hung_database, monkeypatch):
    """The breaker's retry: no restart. (With a real PostgreSQL behind a proxy that freezes and
    thaws: test_a_frozen_postgresql_recovers_by_itself.)"""
    hung_database.mode = "query"
    visit(anon, "/en/parks/")
    visit(anon, "/en/parks/")
    assert len(hung_database.accepted) == 1
    later = time.monotonic() + 5 + 1  # retry_seconds (production: DATABASE_RETRY_SECONDS, 5)
    monkeypatch.setattr(backend.time, "monotonic", lambda: later)
    visit(anon, "/en/parks/")
    assert len(hung_database.accepted) == 2


OTHER_SESSIONS = """
    SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
"""


@pytest.mark.skipif(
    not settings.DATABASES["default"]["ENGINE"].endswith("postgresql"),
    reason="needs a PostgreSQL server to freeze and thaw (the SQLite run covers the retry, with the hung endpoint)",
)
def test_a_frozen_postgresql_recovers_by_itself(anon, client, db):
    real = connections["default"].settings_dict
    proxy = FreezableProxy(real["HOST"] or "127.0.0.1", real["PORT"] or 5432)
    options = {"connect_timeout": 2, "client_timeout": 0.5, "health_check_timeout": 0.3, "retry_seconds": 1}
    proxied = {**postgresql_settings(proxy.port, **options), "NAME": real["NAME"], "USER": real["USER"]}
    proxied["PASSWORD"] = real["PASSWORD"]
    try:
        with default_database(proxied):
            response, _ = visit(anon, "/en/parks/")
            assert response.status_code == 200  # a persistent connection, through the proxy
            proxy.thawed.clear()  # the primary freezes between two requests
            response, took = visit(anon, "/en/parks/")  # its health check meets the frozen server
            assert_bilingual_error_page(response)
            assert took < 1.5, took
            started = time.monotonic()
            assert client.get("/healthz").status_code == 503
            assert time.monotonic() - started < 2
            proxy.thawed.set()  # back
            deadline = time.monotonic() + 30
            while (response := visit(anon, "/en/parks/")[0]).status_code != 200 and time.monotonic() < deadline:
                time.sleep(0.2)
            assert response.status_code == 200
            assert client.get("/healthz").json() == {"status": "ok", "database": "ok", "cache": "ok"}
    finally:
        proxy.close()
        # The server ends the proxied sessions when it reads their end: wait for it, so that the
        # test database can be dropped at the end of the run.
        with connections["default"].cursor() as cursor:
            for _ in range(50):
                cursor.execute("SELECT pg_stat_clear_snapshot()")  # else fixed for the test's transaction
                cursor.execute(OTHER_SESSIONS)
                if cursor.fetchone() == (0,):
                    break
                time.sleep(0.1)
