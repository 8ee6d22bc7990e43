"""A spike with an edit in the middle (#18): many readers at once while an editor saves an article
every 10 s, through the app alone and through nginx's cache in front (deploy/nginx/portal.conf).

    .venv/bin/python bench/spike.py                  # after bench/run.sh, or with BENCH_SKIP_LOAD=0
    BENCH_SPIKE_SECONDS=10 .venv/bin/python bench/spike.py   # a short run while developing
    BENCH_SPIKE_EDIT_EVERY=1000 .venv/bin/python bench/spike.py   # a control: one save, at the start
    BENCH_WRK_CPUS=0 taskset -c 1 .venv/bin/python bench/spike.py   # wrk on core 0, everything else on core 1

The site runs as `make serve` runs it: production settings, gunicorn.conf.py, and no Redis (the
workers share a cache in files); BENCH_SPIKE_REDIS=1 uses BENCH_REDIS_URL instead. The database
is bench/run.sh's (BENCH_DATABASE_URL; BENCH_SKIP_LOAD=0 loads it here first).

1. Cached pages against the baseline (bench/bench.py's bare Django view), 8 connections: the
   page cache without Redis, as a ratio of requests/s (goal ≥ 0.8×, #17).
2. For 64 and 256 connections, 60 s each: the baseline; then a spike's mix of pages (``spike_paths``:
   half the requests on the home page, news list, parks and the announcement, in both languages, the
   other half on 400 other article pages) through the app, then through nginx, each after a
   warm-up, with the announcement saved every 10 s meanwhile. Reported: errors, p99 as
   a ratio to the baseline's p99 at the same concurrency (goals ≤ 3× through the app, ≤ 1×
   through the proxy), and how long after each save the new title was visible on the article's
   page (goals ≤ 2 s through the app, ≤ SHARED_CACHE_SECONDS + 2 s through the proxy).

Writes the tables to bench/results/spike.md.
"""

import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "deploy" / "nginx")]

import run as nginx  # noqa: E402 (deploy/nginx/run.py)

from bench import bench  # noqa: E402

SECONDS = int(os.environ.get("BENCH_SPIKE_SECONDS", "60"))
WARMUP = max(5, SECONDS // 4)
CONNECTIONS = [int(n) for n in os.environ.get("BENCH_SPIKE_CONNECTIONS", "64,256").split(",")]
EDIT_EVERY = int(os.environ.get("BENCH_SPIKE_EDIT_EVERY", "10"))  # s between saves; a long one, for a control run
APP_PORT = bench.PORT
PROXY_PORT = int(os.environ.get("BENCH_PROXY_PORT", str(bench.PORT + 1)))
SHARED_CACHE_SECONDS = 5
GOALS = {"cached": 0.8, "app p99": 3.0, "proxy p99": 1.0, "app visible": 2.0, "proxy visible": SHARED_CACHE_SECONDS + 2}
WORK = Path(tempfile.mkdtemp(prefix="bench-spike-"))
# BENCH_WRK_CPUS=0 (with the rest under `taskset -c 1`): the load generator on a core of its own, as visitors
# are on other machines; the baseline is measured the same way.
WRK = ["taskset", "-c", os.environ["BENCH_WRK_CPUS"], "wrk"] if os.environ.get("BENCH_WRK_CPUS") else ["wrk"]

ENV = {**bench.ENV, "PAGE_CACHE": "1", "SHARED_CACHE_SECONDS": str(SHARED_CACHE_SECONDS)}
if os.environ.get("BENCH_SPIKE_REDIS") != "1":
    del ENV["REDIS_URL"]
    ENV["CACHE_DIR"] = str(WORK / "app-cache")

EDITOR = """
import secrets, sys, time
import django
django.setup()
from news.models import Article
article = Article.objects.get(slug=sys.argv[1])
n = 0
while True:
    n += 1
    article.title_en = f"Spike edit {n} {secrets.token_hex(3)}"
    article.save()
    print(time.time(), article.title_en, flush=True)
    time.sleep(float(sys.argv[2]))
"""


def say(message):
    print(message, flush=True)


def get(port, path):
    with urllib.request.urlopen(f"http://{bench.HOST}:{port}{path}", timeout=10) as response:  # noqa: S310 (local)
        return response.read().decode()


class Editor:
    """Saves the article every EDIT_EVERY s in its own process (so its signals invalidate the cache
    as the admin's would) and measures, from here, when each new title shows on `port`."""

    def __init__(self, port, slug):
        self.port, self.slug, self.delays = port, slug, []

    def __enter__(self):
        self.process = subprocess.Popen(
            [bench.PYTHON, "-c", EDITOR, self.slug, str(EDIT_EVERY)],
            cwd=ROOT,
            env=ENV,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.thread = threading.Thread(target=self.watch, daemon=True)
        self.thread.start()
        return self

    def watch(self):
        for line in self.process.stdout:
            saved, title = line.split(" ", 1)
            title = title.strip()
            deadline = time.time() + 30
            while time.time() < deadline:
                try:
                    if title in get(self.port, f"/en/news/{self.slug}/"):
                        self.delays.append(time.time() - float(saved))
                        break
                except OSError:
                    pass
                time.sleep(0.05)
            else:
                self.delays.append(float("inf"))

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=10)
        self.thread.join(timeout=35)


def spike_paths(slugs, announcement):
    """An announcement's spike: about half the requests on 22 pages (in both languages: home, the
    news list and its second page, the announcement, the park list and the six parks), the other
    half spread over 200 other articles per language, each about as often as the others."""
    rng = random.Random(42)
    hot, tail = [], []
    for lang in ("en", "zh-hans"):
        hot += [f"/{lang}/", f"/{lang}/news/", f"/{lang}/news/?page=2", f"/{lang}/news/{announcement}/"]
        hot += [f"/{lang}/parks/", *(f"/{lang}/parks/{park}/" for park in bench.PARK_SLUGS)]
        tail += [f"/{lang}/news/{slug}/" for slug in rng.sample(slugs, min(200, len(slugs)))]
    return hot * 20 + tail


def wrk_mix(port, seconds, connections, script):
    command = [*WRK, "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s", "-s", script]
    result = subprocess.run([*command, f"http://{bench.HOST}:{port}/"], capture_output=True, text=True, check=True)
    return bench.parse_wrk(result.stdout)


def wrk_path(port, path, seconds, connections):
    command = [*WRK, "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s"]
    result = subprocess.run([*command, f"http://{bench.HOST}:{port}{path}"], capture_output=True, text=True, check=True)
    return bench.parse_wrk(result.stdout)


def main():
    bench.RESULTS.mkdir(exist_ok=True)
    if os.environ.get("BENCH_SKIP_LOAD", "1") != "1":
        bench.load_data()
    slugs = bench.article_slugs()
    edited = slugs[len(slugs) // 3]
    paths_file = bench.RESULTS / "spike-paths.txt"
    paths_file.write_text("\n".join(spike_paths(slugs, edited)) + "\n")
    script = bench.RESULTS / "mixed.lua"
    script.write_text(bench.MIX_SCRIPT)
    os.environ["BENCH_PATHS"] = str(paths_file)
    load_before = os.getloadavg()

    server = bench.Server(page_cache=True)
    server.env = ENV
    with server:
        proxy = nginx.start(WORK / "nginx", f"{bench.HOST}:{PROXY_PORT}", [f"{bench.HOST}:{APP_PORT}"])
        try:
            backend = "Redis" if "REDIS_URL" in ENV else "files"
            say(f"-- 1. cached pages ({backend}), 8 connections, {max(10, SECONDS // 6)} s each")
            targets = bench.page_targets(slugs)
            for path in targets.values():
                for _ in range(3):
                    get(APP_PORT, path)
            cached = {name: wrk_path(APP_PORT, path, max(10, SECONDS // 6), 8) for name, path in targets.items()}

            spike = {}
            for connections in CONNECTIONS:
                say(f"-- 2. {connections} connections: baseline, app, proxy ({SECONDS} s each)")
                row = {"baseline": wrk_path(APP_PORT, "/bench/baseline/", SECONDS, connections)}
                for name, port in (("app", APP_PORT), ("proxy", PROXY_PORT)):
                    wrk_mix(port, WARMUP, connections, str(script))
                    with Editor(port, edited) as editor:
                        row[name] = wrk_mix(port, SECONDS, connections, str(script))
                    row[name]["visible"] = editor.delays
                spike[connections] = row
        finally:
            proxy.terminate()
            proxy.wait(timeout=30)
    report(cached, spike, load_before, os.getloadavg())
    shutil.rmtree(WORK)


def report(cached, spike, load_before, load_after):
    lines = []
    out = lines.append
    backend = "Redis" if "REDIS_URL" in ENV else "files shared by the workers (no Redis)"
    out(f"Page cache in {backend}; gunicorn.conf.py defaults on {os.cpu_count()} cores; nginx in front for 'proxy'.")
    out(f"Load average before / after: {load_before[0]:.1f} / {load_after[0]:.1f}.")
    out("")
    base = cached["baseline"]
    out("| cached page (8 connections) | req/s × baseline | p99 × baseline | errors |")
    out("| --- | --- | --- | --- |")
    for name, result in cached.items():
        if name != "baseline":
            rps, p99 = result["rps"] / base["rps"], result["p99"] / base["p99"]
            out(f"| {name} | {rps:.2f} | {p99:.2f} | {result['errors']} |")
    out("")
    out(f"Spike: {SECONDS} s of the mixed pages, an article saved every {EDIT_EVERY} s.")
    out("")
    out("| connections | through | req/s | p99 ms | p99 × baseline | errors | new title visible (s), max / median |")
    out("| --- | --- | --- | --- | --- | --- | --- |")
    for connections, row in spike.items():
        base = row["baseline"]
        out(f"| {connections} | baseline | {base['rps']:.0f} | {base['p99']:.1f} | 1.00 | {base['errors']} | |")
        for name in ("app", "proxy"):
            result = row[name]
            visible = result["visible"]
            seen = f"{max(visible):.2f} / {statistics.median(visible):.2f} ({len(visible)} edits)" if visible else "-"
            out(
                f"| {connections} | {name} | {result['rps']:.0f} | {result['p99']:.1f} | "
                f"{result['p99'] / base['p99']:.2f} | {result['errors']} | {seen} |"
            )
    out("")
    out(
        f"Goals: cached ≥ {GOALS['cached']}× the baseline's req/s; p99 ≤ {GOALS['app p99']}× (app) and "
        f"≤ {GOALS['proxy p99']}× (proxy) the baseline's; 0 errors; new title visible ≤ {GOALS['app visible']} s "
        f"(app), ≤ {GOALS['proxy visible']} s (proxy)."
    )
    text = "\n".join(lines)
    say("\n" + text)
    (bench.RESULTS / "spike.md").write_text(text + "\n")


if __name__ == "__main__":
    main()
