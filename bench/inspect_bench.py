"""How long ``manage.py inspect_site`` takes on a large site (issue 26, point 7: at most 30 s on
10,000 articles, without --external).

    .venv/bin/python bench/inspect_bench.py                # 10,000 articles
    .venv/bin/python bench/inspect_bench.py --articles 2000

A new SQLite database in a temporary folder (deleted afterwards, never your db.sqlite3): the
migrations, the site's fixtures, then N published bilingual articles (bulk_create), each about
every park, with a body of ~2 kB per language holding links to the news list, to another
article, to a static file, to a page that does not exist and to another site. Then the command
runs as cron would, and its wall time, its queries and its findings are printed.
"""

import argparse
import datetime
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PARAGRAPH_EN = (
    "<p>The Suzhou Suqian Industrial Park signed agreements for new energy equipment and precision machinery, "
    "according to the park's management committee, with support from its Suzhou partner.</p>"
)
PARAGRAPH_ZH = "<p>苏州宿迁工业园区签约新能源装备和精密机械项目，园区管委会表示，这得益于苏州方面的支持。</p>"


def setup(folder: str):
    os.environ["DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"
    os.environ["DJANGO_SETTINGS_MODULE"] = "coop_portal.settings.test"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_content", verbosity=0)


def fill(count: int):
    from django.utils import timezone

    from news.models import Article
    from parks.models import Park

    now = timezone.now().replace(microsecond=0)
    articles = []
    for n in range(count):
        links = (
            f'<p><a href="/en/news/">News</a> <a href="/en/news/bench-{(n + 1) % count}/">next</a> '
            f'<a href="/static/css/site.css">css</a> <a href="/en/news/bench-missing-{n % 50}/">old</a> '
            f'<a href="https://example.org/report-{n % 100}">report</a></p>'
        )
        articles.append(
            Article(
                slug=f"bench-{n}",
                title_en=f"Bench article {n}",
                title_zh_hans=f"测试文章{n}",
                summary_en="An English summary.",
                summary_zh_hans="中文摘要。",
                body_en=PARAGRAPH_EN * 12 + links,
                body_zh_hans=PARAGRAPH_ZH * 20 + links.replace("/en/", "/zh-hans/"),
                original_language="en",
                status=Article.Status.PUBLISHED,
                published_at=now - datetime.timedelta(hours=n),
            )
        )
    Article.objects.bulk_create(articles, batch_size=500)
    Through = Article.parks.through
    parks = list(Park.objects.values_list("pk", flat=True))
    ids = Article.objects.filter(slug__startswith="bench-").values_list("pk", flat=True)
    Through.objects.bulk_create([Through(article_id=a, park_id=p) for a in ids for p in parks], batch_size=2000)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10_000)
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="inspect-bench-")
    try:
        setup(folder)
        started = time.perf_counter()
        fill(args.articles)
        print(f"{args.articles} articles created in {time.perf_counter() - started:.1f} s")
        run(args.articles)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def run(count):
    from io import StringIO

    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from inspection.models import InspectionRun

    out = StringIO()
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        try:
            call_command("inspect_site", "--json", stdout=out)
            status = 0
        except SystemExit as exit:
            status = exit.code
        seconds = time.perf_counter() - started
    run = InspectionRun.objects.latest()
    counts = {}
    for finding in run.findings:
        key = (finding["severity"], finding["check"])
        counts[key] = counts.get(key, 0) + 1
    print(f"inspect_site --json on {count} articles: {seconds:.1f} s, {len(queries)} queries, exit {status}")
    for (severity, check), number in sorted(counts.items()):
        print(f"  {severity:7} {check:12} {number}")
    print(f"goal: at most 30 s — {'met' if seconds <= 30 else 'NOT met'}")


if __name__ == "__main__":
    main()
