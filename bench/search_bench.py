"""Search latency over N bilingual articles, by query shape, on SQLite or PostgreSQL.

    .venv/bin/python bench/search_bench.py                 # SQLite, 10,000 articles, 50 runs a query
    .venv/bin/python bench/search_bench.py --articles 100000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/search_bench .venv/bin/python bench/search_bench.py --http
        # PostgreSQL instead: the database is DROPPED and created again first;
        # --http also measures the search page's req/s under gunicorn (page cache off)
        # as a ratio to bench/run.sh's bare-Django baseline, on BENCH_PORT (default 8200)

SQLite by default: a new file in a temporary folder, deleted afterwards (never
your db.sqlite3). It gets the site's fixtures and N published articles, each
with an English and a Chinese title, summary and body (about 3 KB + 2 KB, like
the seed article): sentences of the seed article and of the park facts,
recombined, with varying figures; one article in 50 names Nichicon / 尼吉康.
Then, for each query shape (SHAPES), it times

  articles  the database search of the largest kind alone: the best 100 of the
          newest 1,001 matching articles (Article.objects.published()
          .in_language().search_best(...), as the search page asks);
  search  what the search page computes: the ranked matches of every kind
          (SearchResults), the hits of the first page with their snippets,
          and "Did you mean …?" when little was found;
  page    GET /zh-hans/search/?q=... through Django's test client: the same plus
          URL routing, middleware and the template;

and prints p50 and p99 in milliseconds, and the goals (docs/performance.md, ## Search).
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

# A pasted sentence of 100 characters without a space: one term, the AND of its 99 pairs.
LONG_ZH = ("苏州宿迁两市共建工业园区以来园区累计引进项目超过三百个总投资" * 4)[:100]
# The query shapes of issue 14, and a few more; the note says how common the term is.
SHAPES = [
    ("宿", "1-character Chinese", "in every article"),
    ("苏宿", "2-character Chinese", "in many articles"),
    ("工业园区", "4-character Chinese", "in most articles"),
    ("尼吉康", "3-character Chinese", "rare"),
    ("Nichicon", "one English word", "rare"),
    ("investment", "one English word", "common"),
    ("industrial park", "two English words", "common"),
    ("尼吉康 capacitors", "mixed", "rare"),
    ("苏宿 industrial", "mixed", "common"),
    ("Suqain", "typo", "Did you mean Suqian"),
    ("量子计算", "no hit", "Chinese"),
    ("quantum computing", "no hit", "English"),
    # Issue 23: costly input. Punctuation and LIKE wildcards alone ask the database nothing.
    ("%", "punctuation alone", "no word: no query"),
    ("%_\\!*.", "wildcards mixed", "no word: no query"),
    ("。，！％", "full-width punctuation", "no word: no query"),
    # A word with wildcards: % and _ are literal; the index narrows, the text is checked.
    ("100%", "figure with %", "literal %"),
    ("%a%", "wildcards round a letter", "a:* in every article, %a% in none"),
    ("宿%", "Chinese and a wildcard", "宿 in every article, 宿% in none"),
    ("a", "one Latin letter", "prefix of many words"),
    ("宿 宿 宿 宿", "repeated term", "counts once"),
    ("a b c d e f g h", "8 one-letter terms", "every one a common prefix"),
    ("苏州 宿迁 园区 工业 合作 投资 项目 企业", "8 common terms", "the most terms kept"),
    (LONG_ZH, "100 Chinese characters", "one term: 99 pairs"),
]
# Goals on PostgreSQL (issue 14): p50 and p99 of "search" in ms, by number of articles.
GOALS = {10_000: (10, 50), 100_000: (30, None)}

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


def setup(database_url: str | None, keep: bool = False):
    if database_url is None:
        folder = tempfile.mkdtemp(prefix="search-bench-")
        database_url = f"sqlite:///{folder}/bench.sqlite3"
    elif not keep:
        recreate_postgresql(database_url)
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "coop_portal.settings.test"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_content", verbosity=0)
    return database_url


def recreate_postgresql(database_url: str):
    """A fresh database, so that every run measures the same thing (and the
    search documents are built as on a new site); only one named *bench*."""
    from bench import bench

    bench.recreate_database(database_url, r"[a-z0-9_]*bench[a-z0-9_]*")


def generated_articles(database_url: str) -> int | None:
    """How many generated articles an earlier run left in the database (None: no such database)."""
    import psycopg

    try:
        with psycopg.connect(database_url) as conn:
            return conn.execute("SELECT count(*) FROM news_article WHERE slug LIKE 'bench-%%'").fetchone()[0]
    except psycopg.Error:
        return None


def kept_size() -> float:
    from news.models import Article

    bodies = Article.objects.filter(slug__startswith="bench-").values_list("body_en", "body_zh_hans")[:1000]
    return statistics.mean(len(en.encode()) + len(zh.encode()) for en, zh in bodies)


def fill(count: int, seed: int = 5):
    from django.db import connection
    from django.utils import timezone

    from news.models import Article
    from parks.models import Park

    rng = random.Random(seed)  # noqa: S311 - sample text, not secrets
    seed_article = Article.objects.get(slug="suzhou-suqian-strengthen-cooperation-2023")
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
        if len(articles) == 5000:  # in batches, so that 100,000 articles fit in memory
            save(articles, links)
            articles, links = [], []
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
    save(articles, links)
    sizes = [len(a.body_en.encode()) + len(a.body_zh_hans.encode()) for a in articles]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")  # what autovacuum does soon after a bulk load
    return statistics.mean(sizes)


def save(articles, links):
    from django.db import transaction

    from news.models import Article

    with transaction.atomic():
        created = Article.objects.bulk_create(articles, batch_size=500)
        Through = Article.parks.through
        Through.objects.bulk_create(
            [Through(article_id=a.pk, park_id=p.pk) for a, p in zip(created, links, strict=True)], batch_size=2000
        )


def percentiles(samples: list[float]) -> tuple[float, float]:
    """p50 and p99."""
    samples = sorted(samples)
    return statistics.median(samples), samples[min(len(samples) - 1, round(0.99 * (len(samples) - 1)))]


def timed(function, repeat: int):
    """p50 and p99 of wall-clock time, and p50 of this process's CPU time
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

    from news.models import Article
    from search.query import index_scans
    from search.sources import MOST_MATCHES, SearchResults
    from search.terms import parse_query

    client = Client()
    rows = []
    for query, shape, note in SHAPES:
        terms = parse_query(query)

        def articles(terms=terms):
            if not terms:  # as the search page: nothing to look for, nothing asked
                return 0, []
            with translation.override("zh-hans"), index_scans():
                public = Article.objects.published().in_language()
                return public.search_best(terms, limit=SearchResults.prefetch, among=MOST_MATCHES + 1)

        def search(terms=terms):
            if not terms:
                return 0, [], None
            with translation.override("zh-hans"):
                results = SearchResults(terms)
                return len(results), results[:10], results.suggestion()

        def page(query=query):
            response = client.get("/zh-hans/search/", {"q": query})
            assert response.status_code == 200
            return response

        query_times, _best = timed(articles, repeat)
        search_times, (found, _hits, suggestion) = timed(search, repeat)
        page_times, _response = timed(page, repeat)
        note = f"{note}: {suggestion}" if suggestion else note
        rows.append((query, shape, note, found, *query_times[:2], *search_times, *page_times))
    return rows


def explain(query: str) -> str:
    """How PostgreSQL answers the articles' search as the search page runs it
    (``search_best``): which indexes, and how many rows of the table it read."""
    from django.db import connection

    from news.models import Article
    from search.query import index_scans
    from search.sources import MOST_MATCHES, SearchResults
    from search.terms import parse_query

    public = Article.objects.published().in_language("zh-hans")
    if not parse_query(query):
        return "no query (no word)"
    sql, params = public.search_best_sql(parse_query(query), limit=SearchResults.prefetch, among=MOST_MATCHES + 1)
    with index_scans(), connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN ANALYZE {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    parts = []
    # A scan node of the table: its name, the rows it returned, the rows its filter removed.
    scan = r"(Bitmap Heap Scan|Index Scan Backward using \w+|Seq Scan) on news_article .*?rows=(\d+) loops=1\)"
    for kind, returned, rest in re.findall(scan + r"((?:\n +[^-\n][^\n]*)*)", plan):
        removed = re.search(r"Rows Removed by Filter: (\d+)", rest)
        read = int(returned) + (int(removed.group(1)) if removed else 0)
        if kind == "Bitmap Heap Scan":
            kind = ", ".join(sorted(set(re.findall(r"Bitmap Index Scan on (\w+)", plan))))
        parts.append(f"{kind}: {read:,} rows read")
    return "; ".join(parts)


def http(repeat_seconds: int, port: int, database_url: str):
    """req/s of /zh-hans/search/?q=… (page cache off) and of bench/run.sh's bare-Django
    baseline, alternated in rounds under gunicorn (bench/bench.py); the median round counts."""
    os.environ.update(BENCH_DATABASE_URL=database_url, BENCH_PORT=str(port), BENCH_DURATION=str(repeat_seconds))
    os.environ.setdefault("BENCH_REDIS_URL", os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"))
    from urllib.parse import quote

    from bench import bench

    bench.manage("collectstatic", "--noinput", "-v0")
    targets = {"baseline": "/bench/baseline/"}
    targets.update({shape_query: f"/zh-hans/search/?q={quote(shape_query)}" for shape_query in HTTP_QUERIES})
    with bench.Server(page_cache=False):
        bench.warm(targets, expect_cache=False)
        return bench.measure(targets, "search page")


HTTP_QUERIES = ["苏宿", "Nichicon", "Suqain"]


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
    parser.add_argument("--repeat", type=int, default=50, help="timed runs per query (after 2 warm-up runs)")
    parser.add_argument("--http", action="store_true", help="also req/s of the search page against the baseline")
    parser.add_argument("--port", type=int, default=int(os.environ.get("BENCH_PORT", "8200")))
    parser.add_argument(
        "--keep",
        action="store_true",
        help="PostgreSQL: reuse the database of an earlier run when it holds --articles generated articles",
    )
    args = parser.parse_args()

    url = os.environ.get("DATABASE_URL")
    kept = args.keep and url is not None and generated_articles(url) == args.articles
    url = setup(url, keep=kept)
    from django.db import connection

    started = time.perf_counter()
    size = kept_size() if kept else fill(args.articles)
    filled = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("SELECT sqlite_version()" if connection.vendor == "sqlite" else "SHOW server_version")
        version = cursor.fetchone()[0]
    print(machine())
    print(f"{connection.vendor} {version}; {args.articles:,} articles + the seed article, ", end="")
    print(f"{size / 1000:.1f} KB of text each (en + zh); filled in {filled:.0f} s; {args.repeat} timed runs a query\n")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"load average at start: {load:.1f}\n")
    rows = run(args.repeat)
    print("| query | shape | | matches | articles p50 | p99 | search p50 | p99 | CPU p50 | page p50 | p99 | CPU p50 |")
    print("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for query, shape, note, found, *times in rows:
        print(f"| `{query}` | {shape} | {note} | {found:,} | " + " | ".join(f"{t:.1f} ms" for t in times) + " |")
    if connection.vendor == "postgresql":
        goal = GOALS.get(args.articles)
        if goal:
            p50_goal, p99_goal = goal
            print(f"\nGoal at {args.articles:,} articles: p50 ≤ {p50_goal} ms", end="")
            print(f", p99 ≤ {p99_goal} ms" if p99_goal else "", end="")
            print(" for every shape:")
            for name, at in (("the articles' search query", 4), ("all that the search page computes", 6)):
                missed = [r[0] for r in rows if r[at] > p50_goal or (p99_goal and r[at + 1] > p99_goal)]
                print(f"- {name}: {'met' if not missed else 'missed by ' + ', '.join(missed)}")
        print("\nPlans (articles):")
        for query, *_rest in rows:
            print(f"- `{query}`: {explain(query)}")
    print(f"\nload average at the end: {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else "")
    if args.http:
        if connection.vendor != "postgresql":
            raise SystemExit("--http runs gunicorn with production settings: PostgreSQL only")
        results = http(5, args.port, url)
        base = results.pop("baseline")
        print(f"\nSearch page, page cache off, gunicorn: req/s as a ratio to the baseline ({base['rps']:.0f} req/s)")
        print("| query | req/s | × baseline | p50 | p99 |")
        print("| --- | ---: | ---: | ---: | ---: |")
        for name, r in results.items():
            print(
                f"| `{name}` | {r['rps']:.0f} | {r['rps'] / base['rps']:.2f} | {r['p50']:.1f} ms | {r['p99']:.1f} ms |"
            )
    if url.startswith("sqlite:///") and "search-bench-" in url:
        shutil.rmtree(Path(url.removeprefix("sqlite:///")).parent, ignore_errors=True)


if __name__ == "__main__":
    main()
