"""The page cache as visitors and editors meet it: fast repeat visits, never a stale or private page."""

import datetime
import json

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.utils import timezone

from core import cache as page_cache
from core.tests import page_cache_urls
from news.models import Article
from news.tests.factories import ArticleFactory
from parks.models import Park
from parks.tests.factories import ParkFactory

SSIP = "/en/parks/ssip/"
PUBLIC_PAGES = ["/en/", "/zh-hans/", "/en/parks/", "/en/parks/ssip/", "/zh-hans/news/", "/en/news/"]


@pytest.fixture(autouse=True)
def _cache_on(page_cache):
    """Every test here is about the page cache."""


@pytest.fixture
def anon():
    return Client()


@pytest.fixture
def editor(db):
    client = Client()
    client.force_login(get_user_model().objects.create_superuser("editor", "editor@example.org", "pw"))
    return client


def admin_form_data(editor, url):
    """The admin change form's current values, as the browser would post them back."""
    form = editor.get(url).context["adminform"].form
    data = {}
    for name in form.fields:
        value = form[name].value()
        if isinstance(value, list | tuple):
            data[name] = [str(item) for item in value]
        elif value is not None:
            data[name] = str(value)
    return data


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_repeat_visit_is_served_from_the_cache_without_queries(anon, content, url, django_assert_num_queries):
    first = anon.get(url)
    assert first.status_code == 200
    assert first["X-Cache"] == "MISS"
    with django_assert_num_queries(0):
        second = anon.get(url)
    assert second["X-Cache"] == "HIT"
    assert second.content == first.content
    assert second["Content-Type"] == "text/html; charset=utf-8"
    assert second["Content-Language"] == first["Content-Language"]


def test_each_language_has_its_own_cached_page(anon, content):
    assert "<h1>Suzhou Suqian Industrial Park</h1>" in anon.get(SSIP).content.decode()
    chinese = anon.get("/zh-hans/parks/ssip/")
    assert chinese["X-Cache"] == "MISS"
    assert "<h1>苏州宿迁工业园区</h1>" in chinese.content.decode()
    assert '<html lang="zh-Hans">' in anon.get("/zh-hans/parks/ssip/").content.decode()


def test_query_string_is_part_of_the_page(anon, db):
    for day in range(15):
        ArticleFactory(title_en=f"Story {day:02d}", published_at=timezone.now() - datetime.timedelta(days=day))
    assert "Story 14" not in anon.get("/en/news/").content.decode()
    assert "Story 14" in anon.get("/en/news/?page=2").content.decode()


def test_edit_through_the_admin_shows_on_the_next_visit(anon, editor, content):
    home_before = anon.get("/en/").content.decode()
    assert "Suzhou Suqian Industrial Park" in anon.get(SSIP).content.decode()
    assert anon.get(SSIP)["X-Cache"] == "HIT"

    park = Park.objects.get(slug="ssip")
    url = f"/admin/parks/park/{park.pk}/change/"
    data = admin_form_data(editor, url)
    data["name_en"] = "Suzhou–Suqian Industrial Park (renamed)"
    response = editor.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors

    page = anon.get(SSIP)
    assert page["X-Cache"] == "MISS"
    assert "<h1>Suzhou–Suqian Industrial Park (renamed)</h1>" in page.content.decode()
    home = anon.get("/en/").content.decode()
    assert home != home_before
    assert "Suzhou–Suqian Industrial Park (renamed)" in home


def test_delete_through_the_admin_removes_the_article_everywhere(anon, editor, content):
    article = Article.objects.get(slug="suzhou-suqian-strengthen-cooperation-2023")
    assert anon.get(article.get_absolute_url()).status_code == 200
    assert article.title_en in anon.get("/en/news/").content.decode()
    response = editor.post(f"/admin/news/article/{article.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert anon.get(article.get_absolute_url()).status_code == 404
    assert article.title_en not in anon.get("/en/news/").content.decode()


def test_loaddata_shows_on_the_next_visit(anon, content, tmp_path, settings):
    assert "<h1>Suzhou Suqian Industrial Park</h1>" in anon.get(SSIP).content.decode()
    parks = json.loads((settings.BASE_DIR / "fixtures" / "parks.json").read_text())
    ssip = next(obj for obj in parks if obj["model"] == "parks.park" and obj["fields"]["slug"] == "ssip")
    ssip["fields"]["name_en"] = "SSIP as imported"
    fixture = tmp_path / "renamed.json"
    fixture.write_text(json.dumps([ssip]))

    call_command("loaddata", fixture, verbosity=0)

    assert "<h1>SSIP as imported</h1>" in anon.get(SSIP).content.decode()


def test_linking_an_article_to_a_park_shows_on_the_park_page(anon, content):
    article = ArticleFactory(title_en="Not yet about SSIP")
    assert "Not yet about SSIP" not in anon.get(SSIP).content.decode()
    article.parks.add(Park.objects.get(slug="ssip"))
    assert "Not yet about SSIP" in anon.get(SSIP).content.decode()


def test_scheduled_article_appears_by_itself_at_its_time(anon, content, monkeypatch):
    now = timezone.now()
    due = now + datetime.timedelta(minutes=5)  # sooner than PAGE_CACHE_SECONDS
    ArticleFactory(slug="scheduled", title_en="Scheduled story", published_at=due)
    assert "Scheduled story" not in anon.get("/en/news/").content.decode()
    assert anon.get("/en/news/")["X-Cache"] == "HIT"

    monkeypatch.setattr(timezone, "now", lambda: due - datetime.timedelta(seconds=1))
    assert anon.get("/en/news/")["X-Cache"] == "HIT"

    monkeypatch.setattr(timezone, "now", lambda: due + datetime.timedelta(seconds=1))
    page = anon.get("/en/news/")
    assert page["X-Cache"] == "MISS"
    assert "Scheduled story" in page.content.decode()
    assert anon.get("/en/news/scheduled/").status_code == 200


def test_next_publication_is_not_a_query_per_page(anon, content, django_assert_num_queries):
    ArticleFactory(published_at=timezone.now() + datetime.timedelta(days=3))
    anon.get("/en/news/")
    # A page not cached yet costs its own queries (home: parks, headline figures, chart
    # figures, news and their parks), but no second look for scheduled articles.
    with django_assert_num_queries(5):
        anon.get("/en/")


def test_staff_never_get_or_fill_the_cache(anon, editor, content):
    for _ in range(2):
        response = editor.get(SSIP)
        assert response.status_code == 200
        assert "X-Cache" not in response
    assert anon.get(SSIP)["X-Cache"] == "MISS"
    assert "X-Cache" not in editor.get(SSIP)


def test_signing_in_does_not_invalidate_the_cache(anon, editor, content):
    anon.get(SSIP)
    get_user_model().objects.create_user("another")
    editor.get("/admin/")
    assert anon.get(SSIP)["X-Cache"] == "HIT"


def test_not_found_is_not_cached(anon, db, django_assert_max_num_queries):
    assert anon.get("/en/news/later/").status_code == 404
    ArticleFactory(slug="later", title_en="Now it exists")
    assert "Now it exists" in anon.get("/en/news/later/").content.decode()


@pytest.mark.urls("core.tests.page_cache_urls")
@pytest.mark.parametrize("path", ["preview", "never", "cookie", "form"])
def test_private_pages_and_pages_that_set_cookies_are_not_cached(anon, db, path):
    page_cache_urls.CALLS.clear()
    for _ in range(2):
        response = anon.get(f"/en/t/{path}/")
        assert response.status_code == 200
        assert "X-Cache" not in response
    assert len(page_cache_urls.CALLS) == 2


@pytest.mark.urls("core.tests.page_cache_urls")
def test_page_that_varies_on_a_request_header_is_not_cached(anon, db):
    assert anon.get("/en/t/vary/").content == b"full page"
    assert anon.get("/en/t/vary/", headers={"HX-Request": "true"}).content == b"fragment"


@pytest.mark.urls("core.tests.page_cache_urls")
def test_head_is_answered_from_the_cached_get(anon, db):
    page_cache_urls.CALLS.clear()
    assert anon.head("/en/t/plain/").status_code == 200
    assert anon.get("/en/t/plain/")["X-Cache"] == "MISS"
    assert anon.head("/en/t/plain/")["X-Cache"] == "HIT"
    assert len(page_cache_urls.CALLS) == 2


def test_pages_outside_the_language_prefix_are_not_cached(anon, db):
    assert "X-Cache" not in anon.get("/admin/login/")
    assert "X-Cache" not in anon.get("/", headers={"Accept-Language": "zh-CN"})


def test_conditional_get_answers_304_until_the_page_changes(anon, content):
    first = anon.get(SSIP)
    etag = first["ETag"]
    assert first["Cache-Control"] == "max-age=0, must-revalidate"
    not_modified = anon.get(SSIP, headers={"If-None-Match": etag})
    assert not_modified.status_code == 304
    assert not_modified.content == b""

    park = Park.objects.get(slug="ssip")
    park.name_en = "Renamed park"
    park.save()
    changed = anon.get(SSIP, headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed["ETag"] != etag


def test_page_cache_can_be_turned_off(anon, content, settings, django_assert_max_num_queries):
    settings.PAGE_CACHE = False
    anon.get(SSIP)
    response = anon.get(SSIP)
    assert "X-Cache" not in response
    assert response.status_code == 200


def test_a_transaction_bumps_the_version_once_at_commit(db, django_capture_on_commit_callbacks):
    before = page_cache.content_version()
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        for _ in range(5):
            ArticleFactory(parks=[ParkFactory()])
        assert page_cache.content_version() == before  # no page cached meanwhile: nothing to drop yet
    assert len(callbacks) == 1
    assert page_cache.content_version() == before + 1


def test_a_page_cached_inside_a_transaction_is_dropped_by_the_next_save(anon, content):
    with transaction.atomic():
        assert "Fresh story" not in anon.get("/en/news/").content.decode()
        ArticleFactory(title_en="Fresh story")
        assert "Fresh story" in anon.get("/en/news/").content.decode()


def test_content_models_cover_every_model_of_the_project_only():
    from django.contrib.auth.models import User
    from django.contrib.sessions.models import Session

    from facts.models import Source

    models = page_cache.content_models()
    assert {Park, Article, Source, Article.parks.through, Park.sources.through} <= models
    assert not {User, Session} & models


def test_a_lost_version_key_never_brings_back_old_pages(anon, content):
    from django.core.cache import cache

    anon.get(SSIP)
    old = page_cache.content_version()
    cache.delete(page_cache.VERSION_KEY)
    assert page_cache.content_version() > old
    assert anon.get(SSIP)["X-Cache"] == "MISS"


def test_release_fingerprint_follows_the_templates(settings, tmp_path):
    (tmp_path / "templates").mkdir()
    template = tmp_path / "templates" / "page.html"
    template.write_text("one")
    settings.BASE_DIR = tmp_path
    settings.STATIC_ROOT = tmp_path / "static"
    page_cache.release.cache_clear()
    try:
        first = page_cache.release()
        template.write_text("two")
        page_cache.release.cache_clear()
        assert page_cache.release() != first
    finally:
        page_cache.release.cache_clear()


def test_pages_and_edits_work_while_the_cache_is_down(anon, content, settings, caplog):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
        },
        "template_fragments": settings.FRAGMENT_CACHE,
    }
    response = anon.get(SSIP)
    assert response.status_code == 200
    assert "X-Cache" not in response
    park = Park.objects.get(slug="ssip")
    park.name_en = "Renamed while the cache is down"
    park.save()
    assert "Renamed while the cache is down" in anon.get(SSIP).content.decode()
    assert "Page cache unavailable" in caplog.text
    assert "Could not invalidate the page cache" in caplog.text
    assert "Fragment cache unavailable" in caplog.text  # the map and the form were rendered instead


def test_a_bad_host_is_a_400_not_a_cache_error(anon, db, caplog):
    response = anon.get("/en/", headers={"Host": "evil.example.com"})
    assert response.status_code == 400
    assert "Page cache" not in caplog.text
