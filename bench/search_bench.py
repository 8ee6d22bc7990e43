"""Search latency over 10,000 bilingual articles, on a throwaway SQLite database.

    .venv/bin/python bench/search_bench.py                 # 10,000 articles, 30 runs a query
    .venv/bin/python bench/search_bench.py --articles 2000 --repeat 10
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_db .venv/bin/python bench/search_bench.py
        # PostgreSQL instead: the database must exist and is EMPTIED first (flush)

SQLite by default: a new file in a temporary folder, deleted afterwards (never
your db.sqlite3). It gets the six parks and N published articles, each with an
English and a Chinese title, summary and body (about 3 KB + 2 KB, like the seed
article): sentences of the seed article and of the park facts, recombined, with
varying figures; one article in 50 names Nichicon / 尼吉康. Then, for each
query, it times

  search  what the search page computes: the ranked matches of parks and articles
          (SearchResults) and the hits of the first page, with their snippets;
  page    GET /zh-hans/search/?q=... through Django's test client: the same plus
          URL routing, middleware and the template;

and prints p50 and p95 in milliseconds. Runs take about a minute on 2 cores.
"""

import argparse
import os
import platform
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

QUERIES = [
    ("尼吉康", "rare, 3 characters"),
    ("苏宿", "common, 2 characters"),
    ("工业园区", "in most articles"),
    ("电容器 扩产", "two rare terms"),
    ("量子计算", "nowhere"),
    ("Nichicon", "rare"),
    ("industrial park", "two common terms"),
    ("capacitors", "rare"),
    ("quantum computing", "nowhere"),
]
# One-character terms cannot use the trigram index: a full scan, measured apart.
SLOW_PATH = [("苏", "one character: LIKE only")]

TOPICS = [
    ("signs new investment projects", "签约一批新投资项目"),
    ("opens a second phase", "二期工程投产"),
    ("welcomes a delegation from Suzhou", "迎来苏州考察团"),
    ("ranks high in provincial assessment", "在全省考核中名列前茅"),
    ("expands its logistics centre", "扩建物流中心"),
    ("trains local technicians", "开展本地技工培训"),
    ("breaks ground on a new factory", "新厂房开工建设"),
    ("launches a talent programme", "启动人才计划"),
    ("reports strong first-half growth", "上半年实现强劲增长"),
    ("hosts an investment fair", "举办投资推介会"),
]
EXTRA_EN = [
    "The park signed {n} projects worth {m} billion yuan in {y}.",
    "Officials said {n} companies had moved from Suzhou since {y}.",
    "The new plant will employ about {n}00 people when it opens in {y}.",
    "Exports from the park rose {p}% in the first half of {y}.",
    "A training centre opened in {y} has taught {n}0 local technicians.",
    "The two cities have exchanged {n} groups of officials since {y}.",
]
EXTRA_ZH = [
    "{y}年，园区签约项目{n}个，总投资{m}亿元。",
    "自{y}年以来，已有{n}家企业从苏州转移到这里。",
    "新工厂将于{y}年投产，预计提供约{n}00个就业岗位。",
    "{y}年上半年，园区出口增长{p}%。",
    "{y}年建成的培训中心已培训本地技工{n}0名。",
    "自{y}年以来，两市已互派干部{n}批。",
]
RARE = ["nichicon", "尼吉康", "capacitor", "电容器", "扩产"]


def sentences(html: str, chinese: bool) -> list[str]:
    text = re.sub(r"<[^>]+>", " ", html)
    parts = re.split(r"(?<=。)" if chinese else r"(?<=[.!?”])\s+", text)
    return [part.strip() for part in parts if part.strip()]


def setup(database_url: str | None):
    if database_url is None:
        folder = tempfile.mkdtemp(prefix="search-bench-")
        database_url = f"sqlite:///{folder}/bench.sqlite3"
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "coop_portal.settings.test"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("flush", interactive=False, verbosity=0)
    call_command("loaddata", "parks", "news", verbosity=0)
    return database_url


def fill(count: int, seed: int = 5):
    from django.db import transaction
    from django.utils import timezone

    from news.models import Article
    from parks.models import Park

    rng = random.Random(seed)  # noqa: S311 - sample text, not secrets
    seed_article = Article.objects.get()
    pool_en = [s for s in sentences(seed_article.body_en, False) if not any(r in s.lower() for r in RARE)]
    pool_zh = [s for s in sentences(seed_article.body_zh_hans, True) if not any(r in s for r in RARE)]
    rare_en = [s for s in sentences(seed_article.body_en, False) if "Nichicon" in s or "capacitors" in s]
    rare_zh = [s for s in sentences(seed_article.body_zh_hans, True) if "尼吉康" in s]
    for park in Park.objects.all():
        pool_en += sentences(park.description_en, False) + [park.summary_en]
        pool_zh += sentences(park.description_zh_hans, True) + [park.summary_zh_hans]
    # The rare names only where this script puts them.
    pool_en = [s for s in pool_en if not any(r in s.lower() for r in RARE)]
    pool_zh = [s for s in pool_zh if not any(r in s for r in RARE)]
    parks = list(Park.objects.all())
    now = timezone.now()
    articles, links = [], []
    for i in range(count):
        park = rng.choice(parks)
        topic_en, topic_zh = rng.choice(TOPICS)
        figures = {"n": rng.randint(2, 99), "m": rng.randint(1, 300), "y": rng.randint(2008, 2025)}
        figures["p"] = rng.randint(1, 40)
        k = rng.randint(14, 22)
        body_en = rng.sample(pool_en, k) + [rng.choice(EXTRA_EN).format(**figures)]
        body_zh = rng.sample(pool_zh, k) + [rng.choice(EXTRA_ZH).format(**figures)]
        if i % 50 == 0:
            body_en.insert(rng.randint(0, k), rng.choice(rare_en))
            body_zh.insert(rng.randint(0, k), rng.choice(rare_zh))
        articles.append(
            Article(
                slug=f"bench-{i}",
                title_en=f"{park.short_name_en} {topic_en}",
                title_zh_hans=f"{park.short_name_zh_hans}{topic_zh}",
                summary_en=" ".join(body_en[:2]),
                summary_zh_hans="".join(body_zh[:2]),
                body_en="".join(f"<p>{s}</p>" for s in body_en),
                body_zh_hans="".join(f"<p>{s}</p>" for s in body_zh),
                status=Article.Status.PUBLISHED,
                published_at=now - timedelta(hours=i),
            )
        )
        links.append(park)
    with transaction.atomic():
        created = Article.objects.bulk_create(articles, batch_size=500)
        Through = Article.parks.through
        Through.objects.bulk_create(
            [Through(article_id=a.pk, park_id=p.pk) for a, p in zip(created, links, strict=True)], batch_size=2000
        )
    sizes = [len(a.body_en.encode()) + len(a.body_zh_hans.encode()) for a in articles]
    return statistics.mean(sizes)


def percentiles(samples: list[float]) -> tuple[float, float]:
    samples = sorted(samples)
    return statistics.median(samples), samples[min(len(samples) - 1, round(0.95 * (len(samples) - 1)))]


def timed(function, repeat: int):
    """p50 and p95 of wall-clock time, and p50 of this process's CPU time
    (SQLite runs in-process): on a shared machine the CPU time shows the cost
    of the search itself, the wall-clock time also the wait for a core."""
    result = None
    for _ in range(2):  # warm caches
        result = function()
    wall, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        function()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return (*percentiles(wall), percentiles(cpu)[0]), result


def run(repeat: int):
    from django.test import Client
    from django.utils import translation

    from core.search import parse_query
    from search.sources import SearchResults

    client = Client()
    rows = []
    for query, note in QUERIES + SLOW_PATH:
        terms = parse_query(query)

        def search(terms=terms):
            with translation.override("zh-hans"):
                results = SearchResults(terms)
                return len(results), results[:10]

        def page(query=query):
            response = client.get("/zh-hans/search/", {"q": query})
            assert response.status_code == 200
            return response

        search_times, (found, _hits) = timed(search, repeat)
        page_times, _response = timed(page, repeat)
        rows.append((query, note, found, *search_times, *page_times))
    return rows


def machine() -> str:
    cpu = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    system = f"{platform.system()} {platform.release()}"
    return f"{cpu}, {os.cpu_count()} cores, {system}, Python {platform.python_version()}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=30, help="timed runs per query (after 2 warm-up runs)")
    args = parser.parse_args()

    url = setup(os.environ.get("DATABASE_URL"))
    from django.db import connection

    started = time.perf_counter()
    size = fill(args.articles)
    filled = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("SELECT sqlite_version()" if connection.vendor == "sqlite" else "SHOW server_version")
        version = cursor.fetchone()[0]
    print(machine())
    print(f"{connection.vendor} {version}; {args.articles:,} articles + the seed article, ", end="")
    print(f"{size / 1000:.1f} KB of text each (en + zh); filled in {filled:.0f} s; {args.repeat} timed runs a query\n")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"load average at start: {load:.1f}\n")
    print("| query | | matches | search p50 | p95 | CPU p50 | page p50 | p95 | CPU p50 |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for query, note, found, *times in run(args.repeat):
        print(f"| `{query}` | {note} | {found:,} | " + " | ".join(f"{t:.1f} ms" for t in times) + " |")
    print(f"\nload average at the end: {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else "")
    if url.startswith("sqlite:///") and "search-bench-" in url:
        shutil.rmtree(Path(url.removeprefix("sqlite:///")).parent, ignore_errors=True)


if __name__ == "__main__":
    main()
