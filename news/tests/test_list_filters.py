"""The news list narrowed by park and by year: /<lang>/news/?park=ssip&year=2023."""

import datetime
import re
import zoneinfo
from html import unescape

import pytest

from news.models import Article
from news.tests.factories import ArticleFactory
from parks.models import Park

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")


def titles(html):
    return [unescape(title) for title in re.findall(r'<h[23] class="teaser-title"><a [^>]+>(.*?)</a>', html)]


@pytest.fixture
def stories(content):
    # The seed article and these stories only: the other fixture news would crowd the years.
    Article.objects.exclude(slug="suzhou-suqian-strengthen-cooperation-2023").delete()
    ssip, siyang = Park.objects.get(slug="ssip"), Park.objects.get(slug="wujiang-siyang")
    ArticleFactory(title_en="SSIP 2022", parks=[ssip], published_at=datetime.datetime(2022, 5, 1, tzinfo=SHANGHAI))
    ArticleFactory(title_en="Siyang 2022", parks=[siyang], published_at=datetime.datetime(2022, 6, 1, tzinfo=SHANGHAI))
    # Late on New Year's Eve in China, already 2024 nowhere yet: it belongs to 2023 here.
    ArticleFactory(
        title_en="SSIP New Year's Eve",
        parks=[ssip],
        published_at=datetime.datetime(2023, 12, 31, 23, 30, tzinfo=SHANGHAI),
    )
    ArticleFactory(title_en="Draft about SSIP", parks=[ssip], status="draft")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            "",
            [
                "SSIP New Year's Eve",
                "Suzhou, Suqian strengthen cooperation for shared development",
                "Siyang 2022",
                "SSIP 2022",
            ],
        ),
        (
            "?park=ssip",
            ["SSIP New Year's Eve", "Suzhou, Suqian strengthen cooperation for shared development", "SSIP 2022"],
        ),
        ("?year=2022", ["Siyang 2022", "SSIP 2022"]),
        ("?year=2023", ["SSIP New Year's Eve", "Suzhou, Suqian strengthen cooperation for shared development"]),
        ("?park=wujiang-siyang&year=2022", ["Siyang 2022"]),
        ("?park=wujiang-siyang&year=2023", ["Suzhou, Suqian strengthen cooperation for shared development"]),
        (
            "?park=&year=",
            [
                "SSIP New Year's Eve",
                "Suzhou, Suqian strengthen cooperation for shared development",
                "Siyang 2022",
                "SSIP 2022",
            ],
        ),
    ],
)
def test_filters_narrow_the_list(client, stories, query, expected):
    response = client.get(f"/en/news/{query}")
    assert response.status_code == 200
    assert titles(response.content.decode()) == expected


def test_filter_form_offers_parks_and_years_in_the_page_language(client, stories):
    html = client.get("/zh-hans/news/?park=ssip").content.decode()
    assert '<option value="ssip" selected>苏州宿迁工业园区</option>' in html
    assert re.findall(r'<option value="(\d{4})"', html) == ["2023", "2022"]
    assert "全部园区" in html and "关于苏州宿迁工业园区的新闻" in html


@pytest.mark.parametrize(
    "query",
    ["?park=no-such-park", "?year=abc", "?year=1999", "?year=99999999999999999999", "?page=abc", "?page=99", "?page=0"],
)
def test_bad_filters_and_pages_are_404_not_500(client, stories, query):
    assert client.get(f"/en/news/{query}").status_code == 404


def test_pagination_links_keep_the_filters(client, content):
    Article.objects.exclude(slug="suzhou-suqian-strengthen-cooperation-2023").delete()
    park = Park.objects.get(slug="ssip")
    for n in range(15):
        ArticleFactory(title_en=f"SSIP story {n}", parks=[park])
    html = client.get("/en/news/?park=ssip").content.decode()
    assert len(titles(html)) == 12
    assert 'href="?park=ssip&amp;page=2" rel="next"' in html
    second = client.get("/en/news/?park=ssip&page=2").content.decode()
    assert len(titles(second)) == 4  # 15 + the seed article, 12 a page
    assert 'href="?park=ssip&amp;page=1" rel="prev"' in second


def test_park_page_links_to_all_its_news(client, content):
    assert 'href="/en/news/?park=ssip"' in client.get("/en/parks/ssip/").content.decode()


@pytest.mark.parametrize("count", [3, 30])
def test_filtered_list_query_count_does_not_grow(client, content, count, django_assert_max_num_queries):
    parks = list(Park.objects.all())
    for _ in range(count):
        ArticleFactory(parks=parks)
    # years, the chosen park, count, page, parks of the page, the park choices, the footer's site details
    with django_assert_max_num_queries(7):
        assert client.get("/zh-hans/news/?park=ssip&year=2023").status_code == 200
