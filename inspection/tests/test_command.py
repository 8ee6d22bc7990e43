"""manage.py inspect_site: output, exit status, the stored run, read-only, bounded queries."""

import datetime
import json

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core import registry
from inspection.models import InspectionRun
from news.models import Article
from news.tests.factories import ArticleFactory


def run_command(*args):
    from io import StringIO

    out = StringIO()
    try:
        call_command("inspect_site", *args, stdout=out)
    except SystemExit as exit:
        return exit.code, out.getvalue()
    return 0, out.getvalue()


def test_a_tidy_site_exits_0_and_stores_its_run(tidy_site):
    status, output = run_command()
    assert status == 0
    assert "0 veto, 0 deduct, 0 notice" in output
    run = InspectionRun.objects.get()
    assert run.findings == [] and run.started_at <= run.finished_at


def test_a_veto_exits_1_with_the_findings_as_json(tidy_site):
    Article.objects.update(published_at=timezone.now() - datetime.timedelta(days=20))
    status, output = run_command("--json")
    assert status == 1
    findings = json.loads(output)
    assert findings[0] == {
        "check": "home",
        "severity": "veto",
        "language": "en",
        "url": "/en/",
        "admin_url": "/admin/news/article/add/",
        "message": findings[0]["message"],
    }
    assert "20 days ago" in findings[0]["message"]
    assert {f["check"] for f in findings} == {"home", "column"}
    assert len(InspectionRun.objects.get().findings) == len(findings)


def test_the_summary_groups_by_severity(tidy_site):
    ArticleFactory(slug="english-only", title_zh_hans=None, summary_zh_hans=None, body_zh_hans=None)
    status, output = run_command()
    assert status == 0
    assert output.startswith("Notice (提示): 1\n  [translation] ")
    assert "<zh-hans /en/news/english-only/>" in output


WRITES = ("INSERT", "UPDATE", "DELETE", "CREATE", "DROP", "ALTER")


def test_it_writes_nothing_but_its_run(content):
    with CaptureQueriesContext(connection) as queries:
        run_command()
    writes = [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(WRITES)]
    assert writes and all("inspection_inspectionrun" in sql for sql in writes), writes
    assert InspectionRun.objects.count() == 1


def test_runs_are_kept_for_30_days(tidy_site):
    old = InspectionRun.objects.create(
        started_at=timezone.now() - datetime.timedelta(days=31), finished_at=timezone.now()
    )
    recent = InspectionRun.objects.create(
        started_at=timezone.now() - datetime.timedelta(days=29), finished_at=timezone.now()
    )
    run_command()
    assert InspectionRun.objects.count() == 2
    assert InspectionRun.objects.filter(pk=old.pk).count() == 0 and InspectionRun.objects.filter(pk=recent.pk).exists()


@pytest.mark.django_db
def test_queries_do_not_grow_with_the_number_of_articles(tidy_site, django_assert_max_num_queries):
    park = tidy_site["park"]

    def count():
        with CaptureQueriesContext(connection) as queries:
            run_command()
        return len(queries)

    few = count()
    # Each links to a list, to a page that does not exist, and to a draft of its own.
    for n in range(30):
        ArticleFactory(slug=f"draft-{n}", status=Article.Status.DRAFT)
        links = f'<a href="/en/news/">news</a> <a href="/en/nowhere-{n}/">x</a> <a href="/en/news/draft-{n}/">y</a>'
        ArticleFactory(parks=[park], body_en=f"<p>{links}</p>", title_zh_hans=None, summary_zh_hans=None)
    assert count() == few
    # A dozen a content type at most (both languages; the sitemap's own), plus the inquiries and terms.
    with django_assert_max_num_queries(12 * len(registry.content_types()) + 8):
        run_command()
