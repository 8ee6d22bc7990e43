"""A database that accepts connections but does not answer (a frozen primary, a network partition),
as visitors meet it: cached pages as fast as ever, other pages a prompt bilingual error page, the
health check a prompt 503, and everything back by itself once the database answers again.

The database here is a local endpoint that never answers (``hung_database`` in conftest.py), with
the production settings' options at test scale (connect_timeout 2 s, libpq's smallest; a 0.3 s
client deadline): the tests run the same on the SQLite and PostgreSQL runs of the suite. Timings
are bounds with a wide margin, not measurements (those: docs/operations.md)."""

import time

import pytest
from django.db import close_old_connections
from django.test import Client

from core.postgresql import base as backend

# Production: DATABASE_CONNECT_TIMEOUT (2 s) at worst, then nothing while the breaker is open.
UNCACHED_BOUND = 3.0


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
        assert took < 0.5, took
    assert len(hung_database.accepted) == 1


def test_a_database_that_froze_with_the_connection_open_costs_the_client_deadline(anon, hung_database):
    hung_database.mode = "query"  # the connection is made; the first query is never answered
    response, took = visit(anon, "/en/parks/")
    assert_bilingual_error_page(response)
    assert took < 1.5, took  # the 0.3 s deadline, once (production: 6 s)
    assert len(hung_database.accepted) == 1
    response, took = visit(anon, "/en/parks/")
    assert_bilingual_error_page(response)
    assert took < 0.5, took
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
