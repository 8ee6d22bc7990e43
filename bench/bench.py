"""The benchmark behind bench/run.sh (read its header for the environment variables).

1. A fresh PostgreSQL database: migrations, the fixtures, then `loaddata` of N generated bilingual
   articles (bench/make_articles.py), timed.
2. gunicorn with production settings (gunicorn.conf.py; bench/settings.py only adds the baseline
   URL) on 127.0.0.1, the page cache on (Redis). wrk measures the baseline — a bare Django view
   rendering a template of the same size from memory (bench/views.py) — and home, park detail,
   news list and article detail, in rounds that alternate the targets so that a change in the
   machine's load hits all of them alike; the median of the rounds counts.
3. The same with the page cache off (PAGE_CACHE=0): every page rendered from the database, as
   on a page-cache miss in production.
4. Under load: 32 connections for 60 s against a mix of pages (the three languages, news pages,
   many articles: cache hits and misses), with each worker's memory before and after.

Prints a table with each page's requests/s as a ratio to the baseline, and the goals; writes the
same as Markdown to bench/results/latest.md.
"""

import json
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).parent / "gunicorn")

QUICK = os.environ.get("BENCH_QUICK") == "1"
HOST = os.environ.get("BENCH_HOST", "127.0.0.1")
PORT = int(os.environ.get("BENCH_PORT", "8000"))
DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/coop_bench")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/0")
ARTICLES = int(os.environ.get("BENCH_ARTICLES", "2000" if QUICK else "10000"))
DURATION = int(os.environ.get("BENCH_DURATION", "2" if QUICK else "5"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "1" if QUICK else "3"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "8"))
SOAK_SECONDS = int(os.environ.get("BENCH_SOAK_SECONDS", "10" if QUICK else "60"))
SOAK_CONNECTIONS = int(os.environ.get("BENCH_SOAK_CONNECTIONS", "32"))
# A worker may grow by this much under load (first requests fill Python's and Django's caches).
RSS_BOUND_MB = int(os.environ.get("BENCH_RSS_BOUND_MB", "30"))
SKIP_LOAD = os.environ.get("BENCH_SKIP_LOAD") == "1"
WRK_THREADS = 2

# The uncached goal (0.4×) was dropped (#17): reported, with no goal of its own.
GOALS = {"cached": 0.8}
P99_GOAL = 2.0
LOADDATA_GOAL = 60

ENV = {
    **os.environ,
    "DJANGO_SETTINGS_MODULE": "bench.settings",
    "SECRET_KEY": "bench-" + "x" * 50,
    "ALLOWED_HOSTS": f"{HOST},localhost",
    "DATABASE_URL": DATABASE_URL,
    "REDIS_URL": REDIS_URL,
    "GUNICORN_BIND": f"{HOST}:{PORT}",
    # The access log would be the same for every target; off, so wrk is not slowed by a terminal.
    "GUNICORN_ACCESS_LOG": "",
    "GUNICORN_PROC_NAME": "coop-portal-bench",
    # wrk speaks plain HTTP to 127.0.0.1: no redirect to HTTPS (a real deployment keeps it).
    "SECURE_SSL_REDIRECT": "0",
    # Not used here; set so that the system check does not warn on every command.
    "INQUIRY_NOTIFY_EMAILS": "invest@portal.example.org",
}
# settings.CONTENT_FIXTURES (a test checks)
FIXTURES = ["parks", "news", "figures", "enterprises", "timeline", "documents"]


def say(message):
    print(message, flush=True)


def manage(*args, env=None):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env or ENV, check=True)


# --- 1. Data ---------------------------------------------------------------------------------------


def recreate_database(database_url=DATABASE_URL, name_pattern=r"[a-z0-9_]+"):
    """Drop the database of ``database_url`` and create it empty, if its name matches ``name_pattern``."""
    url = urllib.parse.urlsplit(database_url)
    name = url.path.lstrip("/")
    if not re.fullmatch(name_pattern, name):
        raise SystemExit(f"Refusing to drop {name!r}: a database to recreate must be named {name_pattern}")
    with psycopg.connect(urllib.parse.urlunsplit(url._replace(path="/postgres")), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def load_data():
    fixture = RESULTS / f"articles-{ARTICLES}.json"
    if not fixture.exists():
        say(f"-- generating {ARTICLES} bilingual articles")
        with open(fixture, "w") as out:
            subprocess.run([PYTHON, "bench/make_articles.py", str(ARTICLES)], cwd=ROOT, stdout=out, check=True)
    say(f"-- fresh database {DATABASE_URL.rsplit('/', 1)[-1]}: migrate, fixtures")
    recreate_database()
    manage("migrate", "--noinput", "-v0")
    manage("loaddata", *FIXTURES, "-v0")
    say(f"-- loaddata of {ARTICLES} articles ({fixture.stat().st_size / 1e6:.0f} MB of JSON)")
    started, cpu_before = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
    manage("loaddata", str(fixture), "-v0")
    seconds = time.perf_counter() - started
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (cpu_after.ru_utime + cpu_after.ru_stime) - (cpu_before.ru_utime + cpu_before.ru_stime)
    say(f"   {seconds:.1f} s ({cpu:.1f} s of CPU in the loaddata process; the rest is PostgreSQL and waiting)")
    # What autovacuum does shortly after a bulk load: planner statistics and the visibility map
    # (index-only scans for the news list's count). The benchmark measures that steady state.
    with psycopg.connect(DATABASE_URL, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")
    manage("collectstatic", "--noinput", "-v0")
    return seconds, cpu


# Pages measured in Simplified and in Traditional (converted from it, issue 27): the Traditional
# one against the Simplified one, cached (goal: within TRADITIONAL_CACHED_GOAL) and uncached.
TRADITIONAL_PAIRS = {"home": "/{lang}/", "park detail": "/{lang}/parks/ssip/"}
TRADITIONAL_CACHED_GOAL = 0.9


def page_targets(slugs):
    """What is measured: the baseline and four pages, the article from the middle of the archive,
    and the TRADITIONAL_PAIRS in both Chinese scripts."""
    targets = {
        "baseline": "/bench/baseline/",
        "home": "/en/",
        "park detail": "/en/parks/ssip/",
        "news list": "/en/news/",
        "article detail": f"/en/news/{slugs[len(slugs) // 2]}/",
    }
    for name, pattern in TRADITIONAL_PAIRS.items():
        for lang in ("zh-hans", "zh-hant"):
            targets[f"{name} ({lang})"] = pattern.format(lang=lang)
    return targets


def article_slugs():
    with psycopg.connect(DATABASE_URL) as conn:
        rows = conn.execute(
            "SELECT slug FROM news_article WHERE status = 'published' AND published_at <= now() ORDER BY slug"
        ).fetchall()
    return [slug for (slug,) in rows]


# --- 2. Server and wrk -----------------------------------------------------------------------------


class Server:
    def __init__(self, page_cache):
        self.env = {**ENV, "PAGE_CACHE": "1" if page_cache else "0"}
        self.log = tempfile.NamedTemporaryFile("w+", prefix="bench-gunicorn-", suffix=".log", delete=False)  # noqa: SIM115

    def __enter__(self):
        self.process = subprocess.Popen(
            [GUNICORN, "-c", "gunicorn.conf.py", "coop_portal.wsgi"],
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"gunicorn exited; its log: {self.log.name}")
            try:
                fetch("/bench/baseline/")
                return self
            except OSError:
                time.sleep(0.3)
        raise SystemExit("gunicorn did not start within 60 s")

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=30)
        self.log.close()

    def worker_rss_mb(self):
        """Resident memory of each worker process (the master's children), in MB."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text().split()
        rss = {}
        for pid in children:
            status = Path(f"/proc/{pid}/status").read_text()
            rss[int(pid)] = int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) / 1024
        return rss


def fetch(path):
    with urllib.request.urlopen(f"http://{HOST}:{PORT}{path}", timeout=10) as response:  # noqa: S310 (local)
        return response.status, response.headers, response.read()


UNIT = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(path, seconds, connections, script=None):
    command = ["wrk", f"-t{WRK_THREADS}", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s"]
    if script:
        command += ["-s", script]
    result = subprocess.run([*command, f"http://{HOST}:{PORT}{path}"], capture_output=True, text=True, check=True)
    return parse_wrk(result.stdout)


def parse_wrk(output):
    """Requests/s, p50 and p99 in ms, request and error counts from wrk's report (with --latency)."""

    def latency(percent):
        value, unit = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M).groups()
        return float(value) * UNIT[unit]

    socket_errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": latency(50),
        "p99": latency(99),
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
        "errors": socket_errors + (int(non_2xx.group(1)) if non_2xx else 0),
    }


def measure(targets, label):
    """Rounds of wrk over every target in turn; the median round of each target counts."""
    runs = {name: [] for name in targets}
    for round_number in range(ROUNDS):
        for name, path in targets.items():
            runs[name].append(wrk(path, DURATION, CONNECTIONS))
        say(f"   {label}: round {round_number + 1}/{ROUNDS} done")
    results = {}
    for name, found in runs.items():
        results[name] = {
            "rps": statistics.median(run["rps"] for run in found),
            "p50": statistics.median(run["p50"] for run in found),
            "p99": statistics.median(run["p99"] for run in found),
            "errors": sum(run["errors"] for run in found),
            "requests": sum(run["requests"] for run in found),
        }
    return results


def warm(targets, expect_cache):
    for name, path in targets.items():
        for _ in range(3):
            status, headers, body = fetch(path)
        if status != 200:
            raise SystemExit(f"{name} {path} answered {status}")
        cache = headers.get("X-Cache")
        if name != "baseline" and expect_cache != (cache == "HIT"):
            raise SystemExit(
                f"{name} {path}: X-Cache is {cache!r} with the page cache {'on' if expect_cache else 'off'}"
            )


# --- 4. Under load -----------------------------------------------------------------------------------

MIX_SCRIPT = """
local paths = {}
for line in io.lines(os.getenv("BENCH_PATHS")) do paths[#paths + 1] = line end
local counter = 0
function setup(thread) counter = counter + 1; thread:set("seed", counter) end
function init(args) math.randomseed(seed * 7919) end
function request() return wrk.format("GET", paths[math.random(#paths)]) end
"""


def mixed_paths(slugs):
    rng = random.Random(42)
    paths = []
    for lang in ("en", "zh-hans", "zh-hant"):
        paths += [f"/{lang}/", f"/{lang}/parks/", f"/{lang}/news/"]
        paths += [f"/{lang}/parks/{park}/" for park in PARK_SLUGS]
        paths += [f"/{lang}/news/?page={page}" for page in range(2, 40)]
        paths += [f"/{lang}/news/{slug}/" for slug in rng.sample(slugs, min(1500, len(slugs)))]
    return paths


PARK_SLUGS = ["ssip", "wujiang-siyang", "kunshan-shuyang", "changshu-sihong", "zhangjiagang-suyu", "wuzhong-sucheng"]


def soak(server, slugs):
    paths_file = RESULTS / "mixed-paths.txt"
    paths_file.write_text("\n".join(mixed_paths(slugs)) + "\n")
    script = RESULTS / "mixed.lua"
    script.write_text(MIX_SCRIPT)
    os.environ["BENCH_PATHS"] = str(paths_file)
    say(f"-- under load: warm-up, then {SOAK_SECONDS} s at {SOAK_CONNECTIONS} connections on {len(slugs)} articles")
    # Warm-up: every worker renders every kind of page once (imports, template and translation caches).
    warmup = wrk("/", max(10, SOAK_SECONDS // 4), SOAK_CONNECTIONS, script=str(script))
    before = server.worker_rss_mb()
    found = wrk("/", SOAK_SECONDS, SOAK_CONNECTIONS, script=str(script))
    after = server.worker_rss_mb()
    growth = {pid: after[pid] - before[pid] for pid in before if pid in after}
    return {
        **found,
        "warmup_errors": warmup["errors"],
        "workers_before": before,
        "workers_after": after,
        "growth": growth,
        "restarted": sorted(set(before) ^ set(after)),
    }


# --- Report ------------------------------------------------------------------------------------------


def report(loaddata, phases, load, page_sizes):
    loaddata_seconds, loaddata_cpu = loaddata or (None, None)
    lines = []
    out = lines.append
    out(f"Dataset: the fixtures plus {ARTICLES} generated bilingual articles; PostgreSQL and Redis on this machine.")
    out(f"gunicorn.conf.py defaults ({os.cpu_count()} cores); wrk {WRK_THREADS} threads, {CONNECTIONS} connections, ")
    out(f"{ROUNDS} round(s) of {DURATION} s per target, median round; load run {SOAK_SECONDS} s at {SOAK_CONNECTIONS}.")
    out("")
    out("| page | page cache | req/s × baseline | p50 × baseline | p99 × baseline | errors | goal met |")
    out("| --- | --- | --- | --- | --- | --- | --- |")
    met_all = True
    for mode, results in phases.items():
        base = results["baseline"]
        for name, result in results.items():
            if name == "baseline":
                continue
            ratio, p99_ratio = result["rps"] / base["rps"], result["p99"] / base["p99"]
            verdict = "no goal"
            if mode in GOALS:
                met = ratio >= GOALS[mode] and p99_ratio <= P99_GOAL and result["errors"] == 0
                met_all &= met
                verdict = "yes" if met else "NO"
            out(
                f"| {name} | {mode} | {ratio:.2f} | {result['p50'] / base['p50']:.2f} | {p99_ratio:.2f} | "
                f"{result['errors']} | {verdict} |"
            )
    out("")
    out(
        f"Goals: cached ≥ {GOALS['cached']}× the baseline's req/s, p99 ≤ {P99_GOAL}× the baseline's; 0 errors. "
        "Uncached (page cache off: what a miss costs) has no goal."
    )
    out("")
    out("Absolute numbers of this run (they depend on the machine and its load; the ratios are the result):")
    out("")
    out("| target | page cache | req/s | p50 ms | p99 ms | requests | bytes |")
    out("| --- | --- | --- | --- | --- | --- | --- |")
    for mode, results in phases.items():
        for name, result in results.items():
            out(
                f"| {name} | {mode} | {result['rps']:.0f} | {result['p50']:.2f} | {result['p99']:.2f} | "
                f"{result['requests']} | {page_sizes[name]} |"
            )
    out("")
    out("Traditional Chinese (/zh-hant/, converted from the Simplified page) against Simplified (/zh-hans/):")
    out("")
    out("| page | page cache | req/s zh-hant ÷ zh-hans | p50 zh-hant ÷ zh-hans | goal met |")
    out("| --- | --- | --- | --- | --- |")
    for mode, results in phases.items():
        for name in TRADITIONAL_PAIRS:
            hans, hant = results[f"{name} (zh-hans)"], results[f"{name} (zh-hant)"]
            ratio = hant["rps"] / hans["rps"]
            verdict = "no goal (see bench/profile_pages.py)"
            if mode == "cached":
                met = ratio >= TRADITIONAL_CACHED_GOAL and hant["errors"] == 0
                met_all &= met
                verdict = "yes" if met else "NO"
            out(f"| {name} | {mode} | {ratio:.2f} | {hant['p50'] / hans['p50']:.2f} | {verdict} |")
    out("")
    out(f"Goal: cached Traditional ≥ {TRADITIONAL_CACHED_GOAL}× the Simplified page's req/s (issue 27, point 4).")
    out("")
    loaddata_met = loaddata_seconds is None or loaddata_seconds < LOADDATA_GOAL
    if loaddata_seconds is not None:
        out(
            f"loaddata of {ARTICLES} articles: {loaddata_seconds:.1f} s, of which {loaddata_cpu:.1f} s CPU time of "
            f"the loaddata process (goal < {LOADDATA_GOAL} s: {'met' if loaddata_met else 'NOT met'})."
        )
    out("")
    growth = max(load["growth"].values(), default=0)
    load_met = load["errors"] == 0 and growth <= RSS_BOUND_MB and not load["restarted"]
    out(
        f"Under load: {load['requests']} requests in {SOAK_SECONDS} s at {SOAK_CONNECTIONS} connections "
        f"({load['rps']:.0f} req/s, p50 {load['p50']:.1f} ms, p99 {load['p99']:.1f} ms), {load['errors']} errors."
    )
    out(
        "Worker memory (RSS, MB) before → after: "
        + ", ".join(
            f"{load['workers_before'][pid]:.0f} → {load['workers_after'].get(pid, 0):.0f}"
            for pid in load["workers_before"]
        )
    )
    out(
        f"Largest growth {growth:.1f} MB (bound: {RSS_BOUND_MB} MB per worker); workers replaced: "
        f"{len(load['restarted'])}. {'Met' if load_met else 'NOT met'}."
    )
    text = "\n".join(lines)
    say("\n" + text)
    (RESULTS / "latest.md").write_text(text + "\n")
    (RESULTS / "latest.json").write_text(
        json.dumps({"loaddata": loaddata, "phases": phases, "load": load}, indent=1, default=str)
    )
    return met_all and loaddata_met and load_met


def main():
    RESULTS.mkdir(exist_ok=True)
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (bench/run.sh installs it)")
    loaddata = None if SKIP_LOAD else load_data()
    slugs = article_slugs()
    targets = page_targets(slugs)
    page_sizes = {}
    phases = {}
    for mode, page_cache in (("cached", True), ("uncached", False)):
        say(f"-- gunicorn, page cache {'on' if page_cache else 'off'}")
        with Server(page_cache):
            warm(targets, expect_cache=page_cache)
            page_sizes = {name: len(fetch(path)[2]) for name, path in targets.items()}
            phases[mode] = measure(targets, mode)
    with Server(page_cache=True) as server:
        load = soak(server, slugs)
    ok = report(loaddata, phases, load, page_sizes)
    say("\nAll goals met." if ok else "\nSome goals NOT met (see above).")
    if os.environ.get("BENCH_STRICT") == "1" and not ok:
        sys.exit(1)


if __name__ == "__main__":
    main()
