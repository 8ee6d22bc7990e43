"""/healthz as a load balancer reads it: an instance whose cache fails still serves pages and
must stay in the pool; only one that cannot reach its database is taken out."""

import socket
import time

import pytest


def test_cache_refusing_connections_is_degraded_not_down(client, db, cache_refusing_connections):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "ok", "cache": "error"}
    assert response["Cache-Control"] == "no-store"


@pytest.fixture
def hung_cache(settings):
    """The default cache is a server that accepts connections and never answers."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)  # connections complete in the backlog; nothing ever reads them
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{listener.getsockname()[1]}/0",
        },
    }
    yield
    listener.close()  # resets the waiting connections, which frees the probe


def test_a_hung_cache_does_not_hold_the_health_check(client, db, hung_cache):
    started = time.monotonic()
    response = client.get("/healthz")
    assert time.monotonic() - started < 2  # the probe's deadline is 0.5 s
    assert response.status_code == 200
    assert response.json()["cache"] == "error"
    assert response.json()["status"] == "degraded"
