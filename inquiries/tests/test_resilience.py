"""The contact form when the cache fails or many submissions arrive at once: every inquiry
within the limit is stored and acknowledged, none beyond it."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections
from django.test import Client

from inquiries.models import Inquiry
from inquiries.tests.factories import form_submission
from parks.tests.factories import ParkFactory


def test_inquiry_is_stored_and_acknowledged_when_the_cache_refuses_connections(db, cache_refusing_connections):
    from django.core.cache import cache

    with pytest.raises(Exception):  # noqa: B017 - the cache really is unreachable
        cache.get("anything")
    client = Client(REMOTE_ADDR="203.0.113.7")
    response = client.post("/en/contact/", form_submission(ParkFactory()))
    assert response.status_code == 302
    inquiry = Inquiry.objects.get()
    thanks = client.get(response["Location"])
    assert inquiry.reference in thanks.content.decode()


# PostgreSQL with real connections, one per thread: the race the limit must win. Each test
# empties the tables afterwards (serialized_rollback restores the groups the migrations made).
# SQLite runs one writer at a time anyway, and its in-memory test database (shared cache)
# refuses a second writer instead of waiting for it.
@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("parallel", [20, 60])
def test_parallel_submissions_from_one_address_store_exactly_the_limit(parallel, settings):
    data = form_submission(ParkFactory())
    # At most 20 connections at once: the database server is shared with other processes.
    workers = min(parallel, 20)
    start = threading.Barrier(workers)

    def post(_):
        try:
            start.wait(timeout=10)  # in rounds of `workers` requests, all released at once
            return Client(REMOTE_ADDR="203.0.113.7").post("/en/contact/", data).status_code
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=workers) as pool:
        statuses = list(pool.map(post, range(parallel)))
    assert Inquiry.objects.count() == settings.INQUIRY_RATE_LIMIT == 5
    assert statuses.count(302) == 5
    assert statuses.count(429) == parallel - 5
