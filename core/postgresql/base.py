"""PostgreSQL (Django's backend) with a bound on how long a request waits for a database that
does not answer, and a circuit breaker so that such a database cannot take every worker thread.

Why not psycopg's and PostgreSQL's own settings alone (production.py sets them too):

- ``connect_timeout`` bounds only the start-up of a new connection;
- ``statement_timeout`` is enforced by the server: a frozen server never sends the cancel;
- TCP keepalives and ``tcp_user_timeout`` end a connection when the peer's *kernel* stops
  answering (a network partition, a dead machine), not when the server process is frozen behind a
  live kernel (stuck storage, a stopped process, a proxy that hangs), which acknowledges every byte.

So, from ``OPTIONS`` (removed before the rest is given to psycopg):

- ``client_timeout``: every wait for the server once connected (a query, a commit, a fetch) ends
  after this many seconds, with ``QueryTimeout``; the connection, left mid-protocol, is closed, so
  Django drops it at the end of the request and the next one connects anew. Keep it above
  ``statement_timeout``, so that a slow query is cancelled cleanly by the server first;
- ``health_check_timeout``: the same for ``CONN_HEALTH_CHECKS``' ``SELECT 1`` on a persistent
  connection (the first thing a request asks of a database that froze between two requests);
- ``retry_seconds``: after a connection that failed or a wait that timed out, this process does
  not try the database again for this long (``DatabaseUnavailable``, at once, for every thread).
  Requests then fail in microseconds instead of seconds, so a burst of them cannot hold every
  worker thread while cached pages wait in the queue. Then one request tries again (the others
  keep failing at once meanwhile) and, if it gets through, everything uses the database again:
  recovery needs no restart.
"""

import threading
import time
import types

import psycopg
from django.db.backends.postgresql import base as postgresql

# How psycopg tells that its wait deadline passed (private but stable since 3.2; the tests of
# core/tests/test_database_faults.py fail if it changes).
_WaitTimeout = psycopg.errors._WaitTimeout


class DatabaseUnavailable(psycopg.OperationalError):
    """Raised without a network round trip while this process skips the database. A subclass of
    OperationalError, so Django raises it as ``django.db.OperationalError`` like any outage."""


class QueryTimeout(psycopg.OperationalError):
    """The server did not answer within ``client_timeout`` (or ``health_check_timeout``)."""


# (host, port, database) -> time.monotonic() until which it is skipped, for every thread.
_skip_until: dict[tuple, float] = {}
_lock = threading.Lock()


class BoundedConnection(psycopg.Connection):
    """A psycopg connection whose every wait for the server has a deadline (``deadline``, in
    seconds, None for none). Every exchange with the server goes through ``wait()``."""

    deadline: float | None = None
    on_timeout = staticmethod(lambda: None)

    def wait(self, gen, *args, **kwargs):
        if kwargs.get("timeout") is None:
            kwargs["timeout"] = self.deadline
        try:
            return super().wait(gen, *args, **kwargs)
        except _WaitTimeout:
            # The reply may still come, into a protocol state no one expects: never reuse it.
            self.close()
            self.on_timeout()
            raise QueryTimeout(f"The database did not answer within {kwargs['timeout']} s.") from None


# What Django's backend calls ``Database``: psycopg, but connecting with BoundedConnection.
_psycopg = types.SimpleNamespace(**vars(psycopg))
_psycopg.connect = BoundedConnection.connect


class DatabaseWrapper(postgresql.DatabaseWrapper):
    Database = _psycopg

    def get_connection_params(self):
        params = super().get_connection_params()
        self.client_timeout = params.pop("client_timeout", None)
        self.health_check_timeout = params.pop("health_check_timeout", None)
        self.retry_seconds = params.pop("retry_seconds", 0)
        s = self.settings_dict
        self.breaker_key = (s["HOST"], s["PORT"], s["NAME"])
        return params

    def get_new_connection(self, conn_params):
        if self.retry_seconds:
            with _lock:
                now, until = time.monotonic(), _skip_until.get(self.breaker_key)
                if until is not None and now < until:
                    raise DatabaseUnavailable(f"The database failed less than {self.retry_seconds} s ago.")
                if until is not None:
                    # Half open: this request tries; the others keep failing at once until it knows.
                    _skip_until[self.breaker_key] = now + self.retry_seconds
        try:
            connection = super().get_new_connection(conn_params)
        except psycopg.OperationalError:
            self.trip()
            raise
        _skip_until.pop(self.breaker_key, None)
        connection.deadline = self.client_timeout
        connection.on_timeout = self.trip
        return connection

    def trip(self):
        if self.retry_seconds:
            _skip_until[self.breaker_key] = time.monotonic() + self.retry_seconds

    def is_usable(self):
        # The health check of a persistent connection: a short deadline of its own.
        if self.connection is None or self.health_check_timeout is None:
            return super().is_usable()
        self.connection.deadline = self.health_check_timeout
        try:
            return super().is_usable()
        finally:
            self.connection.deadline = self.client_timeout
