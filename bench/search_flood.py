"""A flood of costly searches against a cached page (issue 23), under gunicorn with production settings.

    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/coop_finput BENCH_PORT=8300 \\
    BENCH_REDIS_URL=redis://127.0.0.1:6379/3 .venv/bin/python bench/search_flood.py [--seconds 10] [--clients 16]

The database must hold the site's content (``make load``, or any database the test settings
migrated and loaded): this script does not fill it. It times the cached home page
(/zh-hans/) alone, then again while ``--clients`` threads search in a loop for the shapes
of issue 23 that were costly (punctuation alone, wildcards round a letter, a figure with %,
eight one-letter terms), and prints p50 and the worst of both, and the searches' own p50.
"""

import argparse
import statistics
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import bench  # noqa: E402

SHAPES = ["%", "%_%", "。，！％", "\\", "%a%", "宿%", "100%", "a b c d e f g h", "宿"]


def timed_fetch(path: str) -> float:
    start = time.perf_counter()
    status, _headers, _body = bench.fetch(path)
    assert status == 200, (path, status)
    return (time.perf_counter() - start) * 1000


def summary(samples: list[float]) -> str:
    return f"p50 {statistics.median(samples):.1f} ms, worst {max(samples):.1f} ms ({len(samples)} requests)"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--clients", type=int, default=16)
    args = parser.parse_args()
    bench.manage("collectstatic", "--noinput", "-v0")
    home = "/zh-hans/"
    with bench.Server(page_cache=True):
        for _ in range(3):
            timed_fetch(home)  # cached from here on
        alone = [timed_fetch(home) for _ in range(50)]
        stop = threading.Event()
        searches: list[float] = []

        def search(n: int):
            i = n
            while not stop.is_set():
                searches.append(timed_fetch(f"/zh-hans/search/?q={quote(SHAPES[i % len(SHAPES)])}"))
                i += 1

        threads = [threading.Thread(target=search, args=(n,)) for n in range(args.clients)]
        for thread in threads:
            thread.start()
        time.sleep(1)
        flooded, deadline = [], time.monotonic() + args.seconds
        while time.monotonic() < deadline:
            flooded.append(timed_fetch(home))
            time.sleep(0.05)
        stop.set()
        for thread in threads:
            thread.join()
    print(f"cached {home} alone: {summary(alone)}")
    print(f"cached {home} during {args.clients} clients searching: {summary(flooded)}")
    print(f"the searches themselves: {summary(searches)}")


if __name__ == "__main__":
    main()
