"""PostgreSQL servers that stop answering, for the fault tests (core/tests/test_database_faults.py)
and the measurement under gunicorn (bench/hung_database.py)."""

import contextlib
import socket
import struct
import threading


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


class FreezableProxy:
    """A TCP proxy to the real PostgreSQL that can be frozen (it keeps accepting connections and
    reading, and passes nothing on) and thawed (it passes on what it held, and all that follows):
    a primary that stops answering and comes back, behind the same address."""

    def __init__(self, host, port, *, port_here=0):
        self.upstream = (host, int(port))
        self.thawed = threading.Event()
        self.thawed.set()
        self.listener = socket.create_server(("127.0.0.1", port_here))
        self.port = self.listener.getsockname()[1]
        self.sockets = [self.listener]
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        with contextlib.suppress(OSError):  # closed at the end of the test
            while True:
                client, _ = self.listener.accept()
                server = socket.create_connection(self.upstream)
                self.sockets += [client, server]
                for source, target in ((client, server), (server, client)):
                    threading.Thread(target=self.pump, args=(source, target), daemon=True).start()

    def pump(self, source, target):
        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                self.thawed.wait()
                target.sendall(data)
        with contextlib.suppress(OSError):
            target.shutdown(socket.SHUT_WR)

    def close(self):
        self.thawed.set()
        for sock in self.sockets:
            sock.close()
