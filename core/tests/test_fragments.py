"""Shared page fragments (core.cache.FragmentCache): the map, the site header and the park page's
blank inquiry form are rendered once per content version and language, and never shown stale."""

import re

import pytest
from django.core.cache import cache, caches
from django.test import Client

from core import cache as page_cache
from parks.models import Park

SSIP = "/en/parks/ssip/"


@pytest.fixture
def anon():
    return Client()


def park_map(response) -> str:
    html = response.content.decode()
    start = html.index('<svg class="park-map"')
    return html[start : html.index("</svg>", start)]


def inquiry_form(response) -> str:
    html = response.content.decode()
    return html[html.index('<form method="post"', html.index('id="inquiry-heading"')) :]


def test_fragments_are_on_in_the_test_settings_as_in_production():
    assert isinstance(caches["template_fragments"], page_cache.FragmentCache)


def test_a_page_with_warm_fragments_is_the_same_page_with_fewer_queries(
    anon, content, django_assert_max_num_queries, django_assert_num_queries
):
    # cold: the map's parks, the form's parks and the footer's site details are queried
    with django_assert_num_queries(11):
        first = anon.get(SSIP)
    with django_assert_max_num_queries(8):
        second = anon.get(SSIP)
    assert second.content == first.content


def test_an_edit_shows_in_the_map_on_every_page_at_once(anon, content):
    for url in ("/en/", SSIP, "/en/parks/wujiang-siyang/"):
        assert "Siyang" in park_map(anon.get(url))
    park = Park.objects.get(slug="wujiang-siyang")
    park.short_name_en = "Renamed Park"
    park.save()
    for url in ("/en/", SSIP, "/en/parks/wujiang-siyang/"):
        assert "Renamed Park" in park_map(anon.get(url)), url


def test_an_edit_through_another_app_server_shows_on_the_next_request(anon, content):
    """Another instance writes the database and bumps the shared version; this process has the
    old fragments in its memory and must not serve them."""
    assert "Siyang" in park_map(anon.get("/en/"))
    Park.objects.filter(slug="wujiang-siyang").update(short_name_en="Changed Elsewhere")  # no signal here
    cache.incr(page_cache.VERSION_KEY)  # what the other instance's save did
    assert "Changed Elsewhere" in park_map(anon.get("/en/"))


def test_each_language_has_its_own_fragments(anon, content):
    park = Park.objects.get(slug="ssip")
    english = park_map(anon.get("/en/"))
    chinese = park_map(anon.get("/zh-hans/"))
    assert park.short_name_en in english and park.short_name_zh_hans not in english
    assert park.short_name_zh_hans in chinese and park.short_name_en not in chinese
    assert 'lang="zh-Hans"' in anon.get("/en/news/").content.decode()  # the switch to Chinese
    assert "新闻" in anon.get("/zh-hans/news/").content.decode()  # the Chinese header's "News"


def test_each_park_page_ticks_its_own_park_in_the_form(anon, content):
    for park in Park.objects.all():
        form = inquiry_form(anon.get(park.get_absolute_url()))
        ticked = re.findall(r'<input type="checkbox" name="parks" value="(\d+)"[^>]*checked', form)
        assert ticked == [str(park.pk)], park.slug
        current = park_map(anon.get(park.get_absolute_url()))
        assert current.count('aria-current="page"') == 1


def test_the_header_marks_the_section_of_each_page(anon, content):
    for url, section in (("/en/news/", "/en/news/"), ("/en/parks/", "/en/parks/"), (SSIP, "/en/parks/")):
        nav = anon.get(url).content.decode().split('<nav class="site-nav"', 1)[1].split("</nav>", 1)[0]
        assert re.findall(r'<a href="([^"]+)" aria-current="page"', nav) == [section], url


def test_a_cache_setup_without_versioned_fragments_is_refused_at_start(settings):
    from core.checks import check_fragment_cache

    assert check_fragment_cache(None) == []
    settings.CACHES = {"default": settings.CACHES["default"]}  # {% cache %} would use it, unversioned
    assert [error.id for error in check_fragment_cache(None)] == ["core.E001"]


def year_choices(response) -> list[str]:
    select = response.content.decode().split('name="year"', 1)[1].split("</select>", 1)[0]
    return re.findall(r'<option value="(\d+)"', select)


def test_the_news_years_are_remembered_and_follow_edits_and_the_clock(anon, content, monkeypatch, settings):
    import datetime

    from django.utils import timezone

    from news.tests.factories import ArticleFactory

    settings.PAGE_CACHE_SECONDS = 10 * 365 * 24 * 3600  # so only the scheduled time can end it

    years = year_choices(anon.get("/en/news/"))
    assert years and "2031" not in years
    ArticleFactory(published_at=timezone.make_aware(datetime.datetime(2031, 6, 1)))  # scheduled
    assert year_choices(anon.get("/en/news/")) == years  # not public yet
    assert anon.get("/en/news/?year=2031").status_code == 404

    monkeypatch.setattr(timezone, "now", lambda: timezone.make_aware(datetime.datetime(2031, 6, 2)))
    assert year_choices(anon.get("/en/news/"))[0] == "2031"  # due: no edit needed
    assert anon.get("/en/news/?year=2031").status_code == 200

    ArticleFactory(published_at=timezone.make_aware(datetime.datetime(2030, 1, 1)))
    assert "2030" in year_choices(anon.get("/zh-hans/news/"))  # an edit: at once, in both languages


def test_the_news_years_cost_no_query_once_remembered(anon, content, django_assert_num_queries):
    anon.get("/en/news/")
    with django_assert_num_queries(4):  # count, the filter's parks, the articles, their parks
        anon.get("/en/news/?page=1")
