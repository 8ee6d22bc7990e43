"""gunicorn's threaded worker, with a deadline for reading each request's head (gunicorn.conf.py).

gunicorn reads a request line and its headers in one of the worker's threads, from a blocking
socket, with no time limit: a client that sends its headers a byte at a time holds that thread
for as long as it likes, and ``threads`` such clients stop the worker (slowloris). gunicorn
has no setting for it; nginx in front has one (``client_header_timeout``) and reads the whole
head before it passes a request on, which is why the app servers listen on loopback only and
must have a proxy in front (docs/operations.md). This is the guard for a request that reaches
them another way: the head must arrive within ``GUNICORN_HEAD_TIMEOUT`` seconds of the moment a
thread starts reading it, or the connection is closed and the thread serves someone else. The
body is not bounded here (the app reads it; nginx buffers it before passing it on).

It also answers ``Connection: close`` to a request whose body gunicorn could not skip: before it
reuses a connection, gunicorn reads and discards what the app left of the body, at most 64 KB,
and otherwise closes the connection, after having announced keep-alive. The app leaves a body
unread when it refuses it (413, 411: core.middleware.RequestGuardMiddleware).
"""

import os
import socket
import time

from gunicorn.http import parser
from gunicorn.http.errors import NoMoreData
from gunicorn.workers import gthread

HEAD_TIMEOUT = float(os.environ.get("GUNICORN_HEAD_TIMEOUT", "5"))
# What gunicorn discards of an unread body before it reuses the connection (gunicorn 27).
DRAIN_MAX_BYTES = getattr(parser, "_DRAIN_MAX_BYTES", 64 * 1024)


class HeadTooSlow(NoMoreData):
    """Handled by gunicorn as a client that went away: the connection is closed, quietly."""

    def __str__(self):
        return f"request head not received within {HEAD_TIMEOUT:g} s"


class DeadlineSocket(socket.socket):
    """A client socket whose reads give up at ``deadline`` (a time.monotonic() value) while one
    is set. gunicorn switches the socket between blocking and non-blocking; each read restores
    the mode it found."""

    deadline = None

    def _bounded(self, read, *args):
        if self.deadline is None:
            return read(*args)
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            raise HeadTooSlow()
        previous = self.gettimeout()
        self.settimeout(remaining if previous is None else min(previous, remaining))
        try:
            return read(*args)
        except TimeoutError:
            raise HeadTooSlow() from None
        finally:
            self.settimeout(previous)

    def recv(self, *args):
        return self._bounded(super().recv, *args)

    def recv_into(self, *args):
        return self._bounded(super().recv_into, *args)


class ThreadWorker(gthread.ThreadWorker):
    def enqueue_req(self, conn):
        if not isinstance(conn.sock, DeadlineSocket):
            # The same descriptor in a socket object that knows the deadline.
            sock = conn.sock
            timeout = sock.gettimeout()
            conn.sock = DeadlineSocket(sock.family, sock.type, sock.proto, fileno=sock.detach())
            conn.sock.settimeout(timeout)
        super().enqueue_req(conn)

    def handle(self, conn):
        # A thread starts on this connection: a new request's head is to be read (for a new
        # connection gunicorn first waits up to 5 s for any byte, within the same deadline).
        conn.sock.deadline = time.monotonic() + HEAD_TIMEOUT
        try:
            return super().handle(conn)
        finally:
            conn.sock.deadline = None

    def handle_request(self, req, conn):
        # The head is parsed: the body and the response are not bounded by the deadline.
        conn.sock.deadline = None
        if body_may_stay_unread(req):
            req.force_close()
        return super().handle_request(req, conn)


def body_may_stay_unread(req) -> bool:
    """A body too large for gunicorn to discard (or of unknown length): if the app refuses it
    unread, the connection cannot be reused."""
    headers = dict(req.headers)  # upper-case names
    if "chunked" in headers.get("TRANSFER-ENCODING", "").lower():
        return True
    length = headers.get("CONTENT-LENGTH", "")
    if not length:
        return False
    return not length.isdigit() or int(length) > DRAIN_MAX_BYTES
