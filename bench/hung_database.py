"""A hung PostgreSQL under gunicorn with production settings, measured (docs/operations.md, "When
the database hangs"). Needs a migrated database with the content loaded and collected static
files, as `make serve` leaves them:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/coop_portal SECRET_KEY=… ALLOWED_HOSTS=127.0.0.1 \\
      SECURE_SSL_REDIRECT=0 .venv/bin/python bench/hung_database.py --port 8211 --proxy-port 8212

It starts a proxy to that database that can freeze (core/tests/fake_databases.py) and gunicorn
(gunicorn.conf.py, its worker and thread counts) behind it, warms a cached page, freezes the
proxy, then sends 16 uncached requests at once while it times the cached page and /healthz; it
sends 16 more, thaws the proxy and times how long until an uncached page is served again. Extra
environment (DATABASE_STATEMENT_TIMEOUT=0 DATABASE_CONNECT_TIMEOUT=130 DATABASE_RETRY_SECONDS=0,
i.e. no bound) shows what happened before.
"""

import argparse
import os
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

from core.tests.fake_databases import FreezableProxy  # noqa: E402

CLIENT_TIMEOUT = 45  # seconds a request may take here before it counts as hung


def get(url):
    started = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=CLIENT_TIMEOUT) as response:  # noqa: S310 (local)
            response.read()
            status, cache = response.status, response.headers.get("X-Cache", "")
    except urllib.error.HTTPError as error:
        status, cache = error.code, ""
    except OSError:
        status, cache = "hung", ""
    return status, time.monotonic() - started, cache


def summary(results):
    times = [took for _, took, _ in results]
    statuses = sorted({str(status) for status, _, _ in results})
    return f"status {'/'.join(statuses)}, median {statistics.median(times):.2f} s, max {max(times):.2f} s"


def burst(base, count, tag):
    with ThreadPoolExecutor(count) as pool:
        return list(pool.map(lambda i: get(f"{base}/en/search/?q={tag}{i}"), range(count)))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8211)
    parser.add_argument("--proxy-port", type=int, default=8212)
    args = parser.parse_args()
    real = urllib.parse.urlsplit(os.environ["DATABASE_URL"])
    proxy = FreezableProxy(real.hostname or "127.0.0.1", real.port or 5432, port_here=args.proxy_port)
    proxied = real._replace(netloc=f"{real.netloc.rsplit('@', 1)[0]}@127.0.0.1:{proxy.port}").geturl()
    env = {
        **os.environ,
        "DATABASE_URL": proxied,
        "DJANGO_SETTINGS_MODULE": "coop_portal.settings.production",
        "GUNICORN_BIND": f"127.0.0.1:{args.port}",
        "GUNICORN_ACCESS_LOG": "",
        "GUNICORN_LOG_LEVEL": "warning",
    }
    server = subprocess.Popen(
        [str(BASE_DIR / ".venv/bin/gunicorn"), "-c", "gunicorn.conf.py", "coop_portal.wsgi"],
        cwd=BASE_DIR,
        env=env,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{args.port}"
    try:
        for _ in range(100):
            if get(f"{base}/healthz")[0] == 200:
                break
            time.sleep(0.2)
        for page in ("/en/", "/en/parks/"):  # every worker's persistent connection gets made too
            for _ in range(8):
                get(base + page)
        print(f"cached page before: {summary([get(base + '/en/') for _ in range(5)])}")

        proxy.thawed.clear()
        print("-- database frozen")
        crowd = threading.Thread(target=lambda: print(f"16 uncached at once: {summary(burst(base, 16, 'a'))}"))
        crowd.start()
        time.sleep(0.2)
        cached = []
        while crowd.is_alive():
            cached.append(get(base + "/en/"))
        crowd.join()
        print(f"cached page during them ({len(cached)} requests): {summary(cached)}, X-Cache {cached[0][2]}")
        print(f"/healthz: {summary([get(base + '/healthz') for _ in range(3)])}")
        print(f"16 more uncached at once: {summary(burst(base, 16, 'b'))}")

        proxy.thawed.set()
        thawed = time.monotonic()
        print("-- database back")
        while get(f"{base}/en/search/?q=back{time.monotonic()}")[0] != 200 and time.monotonic() - thawed < 120:
            time.sleep(0.25)
        print(f"an uncached page served again after {time.monotonic() - thawed:.1f} s")
        print(f"16 uncached at once: {summary(burst(base, 16, 'c'))}")
    finally:
        server.terminate()
        server.wait(30)
        proxy.close()


if __name__ == "__main__":
    main()
