"""Where an uncached page spends its time, in one process, without wrk or gunicorn.

Runs the WSGI application of the benchmark (bench/settings.py: production settings plus the
baseline view) on the database of the last ``bench/run.sh`` run, with the page cache off, and for
each target requests it N times in a row. Prints per request: wall time, CPU time of this process
(Python), the rest (PostgreSQL and the round trips), SQL queries, and each as a ratio to the
baseline. Numbers are steadier than wrk's on a busy machine, because they are per request and
sequential; the throughput ratio wrk measures follows the wall-time ratio.

    .venv/bin/python bench/profile_pages.py            # every target, 300 requests each
    .venv/bin/python bench/profile_pages.py --profile "park detail"   # cProfile one target
    .venv/bin/python bench/profile_pages.py --traditional             # what /zh-hant/ adds to a page

Environment as for bench/run.sh (BENCH_DATABASE_URL, BENCH_REDIS_URL); run bench/run.sh once
first, for its database.
"""

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench import ENV, article_slugs, page_targets  # noqa: E402

os.environ.update(ENV)  # the benchmark server's settings and database
os.environ.setdefault("PAGE_CACHE", "0")

import django  # noqa: E402

django.setup()

from django.core.handlers.wsgi import WSGIHandler  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402


def targets():
    """The benchmark's pages, plus the park list and two Chinese pages."""
    return {
        **page_targets(article_slugs()),
        "park list": "/en/parks/",
        "home (zh)": "/zh-hans/",
        "park detail (zh)": "/zh-hans/parks/ssip/",
    }


APP = WSGIHandler()


def request(path):
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        "HTTP_HOST": "127.0.0.1:8000",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": True,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
        "wsgi.version": (1, 0),
    }
    status = []
    body = b"".join(APP(environ, lambda s, h, exc_info=None: status.append(s)))
    if not status[0].startswith("200"):
        raise SystemExit(f"{path} answered {status[0]}")
    return body


def measure(path, n):
    for _ in range(20):  # warm: imports, template and translation caches, the connection
        request(path)
    connection.force_debug_cursor = True
    reset_queries()
    request(path)
    queries = len(connection.queries)
    connection.force_debug_cursor = False
    walls, cpus = [], []
    for _ in range(n):
        wall, cpu = time.perf_counter(), time.thread_time()
        request(path)
        cpus.append(time.thread_time() - cpu)
        walls.append(time.perf_counter() - wall)
    return {"wall": statistics.median(walls) * 1000, "cpu": statistics.median(cpus) * 1000, "queries": queries}


def traditional(n):
    """Issue 27, point 4: what converting a page to Traditional adds to its uncached time. For each
    page in both scripts: the median wall time per request (page cache off) and the conversion
    alone (``convert_response`` on the Simplified page's body, as the middleware runs it)."""
    from django.http import HttpResponse
    from django.test import RequestFactory

    from bench.bench import TRADITIONAL_PAIRS
    from core.i18n import traditional

    slugs = article_slugs()
    pairs = {**TRADITIONAL_PAIRS, "article detail": "/{lang}/news/" + slugs[len(slugs) // 2] + "/"}
    print(
        "| page | bytes | zh-hans ms (CPU) | zh-hant ms (CPU) | zh-hant ÷ zh-hans | conversion alone ms (CPU) "
        "| conversion ÷ zh-hans, wall (CPU) |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for name, pattern in pairs.items():
        hans, hant = pattern.format(lang="zh-hans"), pattern.format(lang="zh-hant")
        body = request(hans)
        # Alternating, so that a change in the machine's load hits both alike.
        walls, cpus = {hans: [], hant: []}, {hans: [], hant: []}
        for _ in range(20):
            request(hans), request(hant)
        for _ in range(n):
            for path in (hans, hant):
                start, cpu = time.perf_counter(), time.thread_time()
                request(path)
                cpus[path].append(time.thread_time() - cpu)
                walls[path].append(time.perf_counter() - start)
        wall = {path: statistics.median(found) * 1000 for path, found in walls.items()}
        cpu = {path: statistics.median(found) * 1000 for path, found in cpus.items()}
        fake = RequestFactory().get(hant)
        times, cpu_times = [], []
        for _ in range(n):
            response = HttpResponse(body, content_type="text/html; charset=utf-8")
            start, started_cpu = time.perf_counter(), time.thread_time()
            traditional.convert_response(fake, response)
            cpu_times.append(time.thread_time() - started_cpu)
            times.append(time.perf_counter() - start)
        alone, alone_cpu = statistics.median(times) * 1000, statistics.median(cpu_times) * 1000
        print(
            f"| {name} | {len(body)} | {wall[hans]:.2f} ({cpu[hans]:.2f}) | {wall[hant]:.2f} ({cpu[hant]:.2f}) "
            f"| {wall[hant] / wall[hans]:.3f} | {alone:.2f} ({alone_cpu:.2f}) "
            f"| {alone / wall[hans]:.3f} ({alone_cpu / cpu[hans]:.3f}) |"
        )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("-n", type=int, default=300)
    parser.add_argument("--profile", metavar="TARGET")
    parser.add_argument("--traditional", action="store_true")
    args = parser.parse_args()
    if args.traditional:
        traditional(args.n)
        return
    found = targets()
    if args.profile:
        path = found[args.profile]
        for _ in range(20):
            request(path)
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(args.n):
            request(path)
        profiler.disable()
        stats = pstats.Stats(profiler)
        print(f"{stats.total_calls / args.n:.0f} function calls per request")
        stats.sort_stats("tottime").print_stats(35)
        stats.sort_stats("cumulative").print_stats(60)
        return
    results = {name: measure(path, args.n) for name, path in found.items()}
    base = results["baseline"]
    print("| target | queries | wall ms | CPU ms | rest ms | wall × baseline | est. req/s × baseline |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for name, r in results.items():
        ratio = r["wall"] / base["wall"]
        print(
            f"| {name} | {r['queries']} | {r['wall']:.2f} | {r['cpu']:.2f} | {r['wall'] - r['cpu']:.2f} | "
            f"{ratio:.2f} | {1 / ratio:.2f} |"
        )


if __name__ == "__main__":
    main()
