"""The shipped gunicorn.conf.py, run for real and spoken to at the socket level.

The app servers must sit behind nginx (docs/operations.md), but a request that reaches gunicorn
directly must not be able to stop it: slow request heads (coop_portal/gunicorn_worker.py), and
a refused body answered with the connection's true fate.

One gunicorn with one worker of 4 threads, on GUNICORN_TEST_PORT (default: a
free port), production settings on an empty SQLite database. About 6 s in all.
"""

import contextlib
import http.client
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings

HEAD_TIMEOUT = 2  # shortened from the shipped 5 s, to keep the test short
THREADS = 4  # fewer than the shipped 8, so that a few slow clients are more than one worker's threads
SLOW_CLIENTS = THREADS + 2


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def gunicorn(tmp_path_factory):
    port = int(os.environ.get("GUNICORN_TEST_PORT") or free_port())
    work = tmp_path_factory.mktemp("gunicorn")
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "REDIS_URL", "GUNICORN_"))},
        "DJANGO_SETTINGS_MODULE": "coop_portal.settings.production",
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": f"sqlite:///{work / 'db.sqlite3'}",
        "CACHE_DIR": str(work / "cache"),
        "INQUIRY_NOTIFY_EMAILS": "invest@example.org",
        "WEB_CONCURRENCY": "1",
        "GUNICORN_THREADS": str(THREADS),
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_HEAD_TIMEOUT": str(HEAD_TIMEOUT),
        "GUNICORN_ACCESS_LOG": "",
    }
    log = open(work / "gunicorn.log", "w")  # noqa: SIM115 (closed below)
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "-c", "gunicorn.conf.py", "coop_portal.wsgi"],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            assert process.poll() is None, (work / "gunicorn.log").read_text()
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "gunicorn did not start"
                time.sleep(0.1)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def request(port, raw: bytes, timeout=10) -> tuple[bytes, socket.socket]:
    """Sends ``raw`` on a new connection; the response head and the still-open socket."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    sock.sendall(raw)
    return read_head(sock), sock


def read_head(sock) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            break
        data += chunk
    return data


def test_slow_request_heads_do_not_stop_the_app(gunicorn):
    slow = []
    try:
        for _ in range(SLOW_CLIENTS):
            sock = socket.create_connection(("127.0.0.1", gunicorn), timeout=10)
            sock.sendall(b"GET /robots.txt HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            slow.append(sock)
        started = time.monotonic()
        normal = socket.create_connection(("127.0.0.1", gunicorn), timeout=0.2)
        normal.sendall(b"GET /robots.txt HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        slow.append(normal)
        # The slow clients go on sending a header line every 0.2 s, never the end of the head.
        head = b""
        while b"\r\n\r\n" not in head and time.monotonic() - started < 3 * HEAD_TIMEOUT:
            for number, client in enumerate(slow[:-1]):
                with contextlib.suppress(OSError):  # closed by the server: what the deadline is for
                    client.sendall(b"X-Slow-%d: 1\r\n" % number)
            with contextlib.suppress(TimeoutError):
                head += normal.recv(65536)
        took = time.monotonic() - started
        assert head.startswith(b"HTTP/1.1 200"), head
        # Within the deadline of the slow heads (plus a margin for a loaded machine), not never.
        assert took < HEAD_TIMEOUT + 1.5, took
    finally:
        for client in slow:
            client.close()


@pytest.mark.parametrize("length", [100_000, 12_000_000])
def test_a_refused_body_is_answered_with_connection_close(gunicorn, length):
    """The middleware refuses the body unread (413); gunicorn then cannot reuse the connection,
    and must not announce that it will."""
    path = "/admin/login/" if length > 11_000_000 else "/en/contact/"
    head = (
        f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        f"Content-Length: {length}\r\n\r\n"
    ).encode()
    response, sock = request(gunicorn, head + b"a" * min(length, 200_000))
    with sock:
        assert response.startswith(b"HTTP/1.1 413"), response
        assert b"\r\nConnection: close\r\n" in response, response


def test_a_small_body_keeps_the_connection_alive(gunicorn):
    """A body gunicorn can skip, even if the app leaves it unread: the connection really is kept
    alive, as announced."""
    conn = http.client.HTTPConnection("127.0.0.1", gunicorn, timeout=10)
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    conn.request("POST", "/en/", body=b"a=" + b"b" * 1000, headers=form)
    response = conn.getresponse()
    response.read()
    assert response.getheader("Connection") == "keep-alive"
    sock = conn.sock
    conn.request("GET", "/robots.txt")
    assert conn.getresponse().status == 200
    assert conn.sock is sock  # the same connection
    conn.close()
