"""Withdrawn and expired items in the page cache (core/gone.py, core/pagecache/): an expiry takes a
stored list and a stored page away at its time, with no save; a withdrawal at the commit; the 410
that follows is shared like a 404, and the previous copy of the page is never given again."""

import datetime
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from core.pagecache import middleware
from news.models import Article
from news.tests.factories import ArticleFactory

NOTICE_EN = "This item has expired and is no longer available."
NOTICE_ZH = "该信息已过期下线，不再提供。"


@pytest.fixture(autouse=True)
def _cache_on(page_cache):
    """Every test here is about the page cache."""


@pytest.fixture
def anon():
    return Client()


def commit(django_capture_on_commit_callbacks):
    """What the end of the admin's transaction does in production (tests run inside one)."""
    return django_capture_on_commit_callbacks(execute=True)


def test_a_cached_list_drops_an_item_at_its_expiry_time(anon, content, monkeypatch, django_capture_on_commit_callbacks):
    now = timezone.now()
    ends = now + datetime.timedelta(minutes=5)  # sooner than PAGE_CACHE_SECONDS
    with commit(django_capture_on_commit_callbacks):
        ArticleFactory(slug="lapsing", title_en="Lapsing notice", published_at=now, expires_at=ends)
    assert "Lapsing notice" in anon.get("/en/news/").content.decode()
    assert anon.get("/en/news/")["X-Cache"] == "HIT"

    monkeypatch.setattr(timezone, "now", lambda: ends - datetime.timedelta(seconds=1))
    assert anon.get("/en/news/")["X-Cache"] == "HIT"

    # Its time comes; nothing is saved.
    monkeypatch.setattr(timezone, "now", lambda: ends + datetime.timedelta(seconds=1))
    page = anon.get("/en/news/")
    assert page["X-Cache"] == "MISS"
    assert "Lapsing notice" not in page.content.decode()


def test_a_cached_page_of_an_item_answers_410_at_its_expiry_time(anon, content, monkeypatch):
    now = timezone.now()
    ends = now + datetime.timedelta(minutes=5)
    ArticleFactory(slug="lapsing", title_en="Lapsing notice", published_at=now, expires_at=ends)
    for lang in ("en", "zh-hans"):
        anon.get(f"/{lang}/news/lapsing/")
        assert anon.get(f"/{lang}/news/lapsing/")["X-Cache"] == "HIT"

    monkeypatch.setattr(timezone, "now", lambda: ends + datetime.timedelta(seconds=1))
    for lang in ("en", "zh-hans"):
        response = anon.get(f"/{lang}/news/lapsing/")
        assert response.status_code == 410
        html = response.content.decode()
        assert NOTICE_EN in html and NOTICE_ZH in html and "Lapsing notice" not in html
        assert {part.strip() for part in response["Cache-Control"].split(",")} == {"max-age=0", "s-maxage=5"}


def test_a_withdrawal_answers_410_at_its_commit(anon, content, django_capture_on_commit_callbacks):
    with commit(django_capture_on_commit_callbacks):
        article = ArticleFactory(slug="to-withdraw", title_en="To withdraw")
    anon.get("/en/news/to-withdraw/")
    anon.get("/en/news/")
    assert anon.get("/en/news/to-withdraw/")["X-Cache"] == "HIT"
    with commit(django_capture_on_commit_callbacks):
        article.status = Article.Status.WITHDRAWN
        article.save()
    assert anon.get("/en/news/to-withdraw/").status_code == 410
    assert "To withdraw" not in anon.get("/en/news/").content.decode()


def test_after_a_410_the_previous_copy_is_never_given(anon, content, monkeypatch):
    """A request that comes while another renders the page gets the previous copy ("STALE"); once
    the page has answered 410, there is none left to give."""
    now = timezone.now()
    ends = now + datetime.timedelta(minutes=5)
    ArticleFactory(slug="lapsing", title_en="Lapsing notice", published_at=now, expires_at=ends)
    anon.get("/en/news/lapsing/")
    monkeypatch.setattr(timezone, "now", lambda: ends + datetime.timedelta(seconds=1))
    assert anon.get("/en/news/lapsing/").status_code == 410
    monkeypatch.setattr(middleware, "LOCK_WAIT_SECONDS", 0.1)
    key = "page-cache:http://testserver/en/news/lapsing/?"
    assert cache.add(f"{key}:lock", 1)  # another request is rendering it
    response = anon.get("/en/news/lapsing/")
    assert response.status_code == 410 and response.get("X-Cache") != "STALE"


def test_the_next_change_is_the_next_expiry_or_publication_whichever_comes_first(db):
    from core.pagecache.versions import next_publication

    now = timezone.now()
    assert next_publication() is None
    scheduled = ArticleFactory(published_at=now + datetime.timedelta(hours=3))
    assert next_publication() == scheduled.published_at.timestamp()
    lapsing = ArticleFactory(published_at=now - timedelta(days=1), expires_at=now + timedelta(hours=1))
    assert next_publication() == lapsing.expires_at.timestamp()
    # A withdrawn item's expiry changes nothing visitors see.
    lapsing.status = Article.Status.WITHDRAWN
    lapsing.save()
    assert next_publication() == scheduled.published_at.timestamp()
