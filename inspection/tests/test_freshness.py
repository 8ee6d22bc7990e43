"""The home page and the columns: stale after 14 days (news) or 6 months (documents); 5 or more
stale or blank columns are a veto, fewer cost points. Point 9: the shipped content is stale."""

import datetime

from django.utils import timezone

from inspection.findings import Severity
from inspection.runner import inspect
from news.tests.factories import ArticleFactory
from parks.tests.factories import ParkFactory


def by_check(findings, check):
    return [f for f in findings if f.check == check]


def test_a_tidy_site_has_no_findings(tidy_site):
    assert inspect() == []


def test_shipped_content_is_reported_stale_as_veto(content):
    """Point 9: the newest shipped item (2024, E21) is far older than 14 days, today and later."""
    for now in (timezone.now(), timezone.now() + datetime.timedelta(days=3650)):
        findings = inspect(now=now)
        home = by_check(findings, "home")
        assert {f.language for f in home} == {"en", "zh-hans"}
        assert {f.severity for f in home} == {Severity.VETO}
        columns = by_check(findings, "column")
        news = [f for f in columns if f.url.split("?")[0] in ("/en/news/", "/zh-hans/news/")]
        # The whole news list and each park's, in both languages.
        assert {f.url for f in news} >= {
            "/en/news/",
            "/zh-hans/news/",
            "/en/news/?park=ssip",
            "/zh-hans/news/?park=ssip",
        }
        assert len(news) >= 5
        assert {f.severity for f in news} == {Severity.VETO}


def test_home_page_is_stale_after_14_days_in_each_language(tidy_site):
    now = timezone.now()
    assert by_check(inspect(now=now + datetime.timedelta(days=12)), "home") == []
    stale = by_check(inspect(now=now + datetime.timedelta(days=16)), "home")
    assert [(f.language, f.url, f.severity) for f in stale] == [
        ("en", "/en/", Severity.VETO),
        ("zh-hans", "/zh-hans/", Severity.VETO),
    ]
    assert "Publish a new item" in stale[0].message
    assert stale[0].admin_url == "/admin/news/article/add/"


def test_only_public_items_count(tidy_site):
    old = timezone.now() - datetime.timedelta(days=30)
    tidy_site["article"].published_at = old
    tidy_site["article"].save()
    ArticleFactory(status="draft", parks=[tidy_site["park"]])  # a draft of today does not refresh it
    ArticleFactory(published_at=timezone.now() + datetime.timedelta(days=1))  # nor a scheduled one
    assert len(by_check(inspect(), "home")) == 2


def test_a_language_without_recent_news_is_stale_there_only(tidy_site):
    tidy_site["article"].published_at = timezone.now() - datetime.timedelta(days=30)
    tidy_site["article"].save()
    ArticleFactory(
        parks=[tidy_site["park"]], original_language="en", title_zh_hans=None, summary_zh_hans=None, body_zh_hans=None
    )
    findings = inspect()
    assert [f.language for f in by_check(findings, "home")] == ["zh-hans"]
    assert {f.url for f in by_check(findings, "column")} == {"/zh-hans/news/", "/zh-hans/news/?park=ssip"}


def test_fewer_than_five_stale_columns_cost_points(tidy_site):
    ParkFactory(slug="quiet-park")  # no news: its column in each language; its park list is fine
    findings = inspect()
    columns = by_check(findings, "column")
    assert {f.url for f in columns} == {"/en/news/?park=quiet-park", "/zh-hans/news/?park=quiet-park"}
    assert {f.severity for f in columns} == {Severity.DEDUCT}
    assert "Publish an item" in columns[0].message


def test_five_stale_columns_are_each_a_veto(tidy_site):
    ParkFactory(slug="quiet-park")
    ParkFactory(slug="quieter-park")
    ParkFactory(slug="quietest-park")
    columns = by_check(inspect(), "column")
    assert len(columns) == 6
    assert {f.severity for f in columns} == {Severity.VETO}


def test_a_list_page_without_items_in_a_language_is_a_blank_column(tidy_site):
    from enterprises.models import Enterprise

    Enterprise.objects.update(name_zh_hans=None)
    blank = by_check(inspect(), "blank")
    assert [(f.url, f.language, f.severity) for f in blank] == [("/zh-hans/enterprises/", "zh-hans", Severity.DEDUCT)]
