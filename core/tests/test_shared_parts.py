"""Parts that many pages share (the map, the site header, the park page's blank inquiry form, the
news archive's years): right for each page and language, and never stale after an edit."""

import re

import pytest
from django.test import Client

from parks.models import Park

SSIP = "/en/parks/ssip/"


@pytest.fixture
def anon(page_cache):
    """A visitor, with the page cache on as in production."""
    return Client()


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """What the end of an edit's transaction does in production (tests run inside one)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def park_map(response) -> str:
    html = response.content.decode()
    start = html.index('<svg class="park-map"')
    return html[start : html.index("</svg>", start)]


def inquiry_form(response) -> str:
    html = response.content.decode()
    return html[html.index('<form method="post"', html.index('id="inquiry-heading"')) :]


def test_an_edit_shows_in_the_map_on_every_page_at_once(anon, content, commit):
    for url in ("/en/", SSIP, "/en/parks/wujiang-siyang/"):
        assert "Siyang" in park_map(anon.get(url))
    park = Park.objects.get(slug="wujiang-siyang")
    park.short_name_en = "Renamed Park"
    with commit():
        park.save()
    for url in ("/en/", SSIP, "/en/parks/wujiang-siyang/"):
        assert "Renamed Park" in park_map(anon.get(url)), url


def test_each_language_has_its_own_map_and_header(anon, content):
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


def year_choices(response) -> list[str]:
    select = response.content.decode().split('name="year"', 1)[1].split("</select>", 1)[0]
    return re.findall(r'<option value="(\d+)"', select)


def test_the_news_years_follow_edits_and_the_clock(anon, content, monkeypatch, commit):
    import datetime

    from django.utils import timezone

    from news.tests.factories import ArticleFactory

    years = year_choices(anon.get("/en/news/"))
    assert years and "2031" not in years
    with commit():
        ArticleFactory(published_at=timezone.make_aware(datetime.datetime(2031, 6, 1)))  # scheduled
    assert year_choices(anon.get("/en/news/")) == years  # not public yet
    assert anon.get("/en/news/?year=2031").status_code == 404

    monkeypatch.setattr(timezone, "now", lambda: timezone.make_aware(datetime.datetime(2031, 6, 2)))
    assert year_choices(anon.get("/en/news/"))[0] == "2031"  # due: no edit needed
    assert anon.get("/en/news/?year=2031").status_code == 200

    with commit():
        ArticleFactory(published_at=timezone.make_aware(datetime.datetime(2030, 1, 1)))
    assert "2030" in year_choices(anon.get("/zh-hans/news/"))  # an edit: at once, in both languages
