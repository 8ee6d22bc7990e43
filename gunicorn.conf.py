"""gunicorn settings: ``gunicorn -c gunicorn.conf.py coop_portal.wsgi`` (what `make serve` runs).

Each value can be changed from the environment, so two instances on one machine (or a deployment
behind a load balancer) use the same file. The app itself is configured by production settings
(DJANGO_SETTINGS_MODULE defaults to them in coop_portal/wsgi.py).
"""

import gc
import multiprocessing
import os

# Loopback only: gunicorn is not made to face the internet (a client sending its headers slowly
# holds a thread), so nginx or another proxy must be in front (docs/operations.md). With the
# proxy on another machine, bind to a private address only that proxy reaches, or a unix socket
# (unix:/run/portal/gunicorn.sock). Set FORWARDED_ALLOW_IPS to the proxy's address so that
# X-Forwarded-Proto is trusted (gunicorn reads that variable itself).
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")

# Django pages are CPU-bound Python: a few processes per core, each with a few threads so that a
# request waiting on PostgreSQL or Redis does not hold a core, and keep-alive connections from a
# proxy or a browser are reused. WEB_CONCURRENCY is the conventional name for the process count.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2))
# gunicorn's gthread worker, with a deadline for each request's head (GUNICORN_HEAD_TIMEOUT, 5 s)
# so that a few slow clients cannot hold every thread (coop_portal/gunicorn_worker.py).
worker_class = "coop_portal.gunicorn_worker.ThreadWorker"
# 8 threads: a thread waiting on a database that hangs costs memory, not a core, and with 4 the
# requests caught by a freeze held every thread, so cached pages waited too (docs/operations.md,
# "When the database hangs").
threads = int(os.environ.get("GUNICORN_THREADS", "8"))
keepalive = 5

# Load Django once in the master and fork: faster start, memory shared between workers. Django
# opens database connections lazily, so none is shared across the fork.
preload_app = True

# What the Python documentation of gc.freeze() advises for a server that forks: no collection in
# the master while Django loads, and everything it loaded moved out of the collector's sight
# before each fork. Workers then neither copy those pages on write nor scan them in every full
# collection (about 10 % less CPU per uncached page here; docs/performance.md).
gc.disable()


def pre_fork(server, worker):
    gc.freeze()


def post_fork(server, worker):
    gc.enable()


# Request head limits (gunicorn answers 400 above them). The longest address the site makes is
# far below 4 KB; browsers send about 15 headers, the cookies being the largest. Bodies are
# limited by the proxy and by core.middleware.RequestGuardMiddleware (docs/operations.md).
limit_request_line = 4094
limit_request_fields = 50
limit_request_field_size = 8190

timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
# Recycling workers after N requests is a guard against leaks, off by default: the benchmark shows
# the worker memory stays flat under load (docs/performance.md).
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "0"))
max_requests_jitter = max_requests // 10

# Access log to stdout unless turned off (GUNICORN_ACCESS_LOG=""), errors to stderr.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
proc_name = os.environ.get("GUNICORN_PROC_NAME", "coop-portal")

# gunicorn's control socket lives at one path per user: two instances on one machine would
# fight over it, and nothing here uses it.
control_socket_disable = True
