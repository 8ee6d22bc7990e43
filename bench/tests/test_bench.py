"""The benchmark's own parts: its generated articles load like real content, and wrk's report is read right."""

import json
import subprocess
import sys

from django.conf import settings
from django.core.management import call_command

from bench.bench import parse_wrk
from news.models import Article

WRK_REPORT = """Running 5s test @ http://127.0.0.1:8000/en/
  2 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     5.12ms    2.01ms  41.30ms   90.12%
    Req/Sec   790.12     60.40     0.91k    70.00%
  Latency Distribution
     50%    4.80ms
     75%    5.90ms
     90%    7.10ms
     99%    1.20s
  7890 requests in 5.00s, 70.12MB read
  Socket errors: connect 0, read 2, write 0, timeout 1
  Non-2xx or 3xx responses: 4
Requests/sec:   1578.03
Transfer/sec:     14.02MB
"""


def test_wrk_report_is_parsed():
    assert parse_wrk(WRK_REPORT) == {"rps": 1578.03, "p50": 4.8, "p99": 1200.0, "requests": 7890, "errors": 7}


def test_generated_articles_load_as_bilingual_content(content, tmp_path):
    fixture = tmp_path / "articles.json"
    with open(fixture, "w") as out:
        subprocess.run([sys.executable, "bench/make_articles.py", "60"], cwd=settings.BASE_DIR, stdout=out, check=True)
    objects = json.loads(fixture.read_text())
    assert all("pk" not in obj and obj["fields"]["title_zh_hans"] for obj in objects)

    call_command("loaddata", fixture, verbosity=0)
    call_command("loaddata", fixture, verbosity=0)  # natural keys: no duplicates

    generated = Article.objects.filter(slug__startswith="bench-article-")
    assert generated.count() == 60
    assert Article.objects.published().filter(slug__startswith="bench-article-").count() < 60  # drafts, scheduled
    article = generated.filter(parks__isnull=False).first()
    assert article.body_en.startswith("<p>") and "园区" in article.body_zh_hans + article.title_zh_hans
