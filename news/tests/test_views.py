"""News pages as a visitor sees them."""

import datetime

import pytest
from django.utils import timezone

from news.models import Article
from news.tests.factories import ArticleFactory

SEED = "suzhou-suqian-strengthen-cooperation-2023"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            f"/en/news/{SEED}/",
            ["<h1>Suzhou, Suqian strengthen cooperation for shared development</h1>", "ourjiangsu.com"],
        ),
        (f"/zh-hans/news/{SEED}/", ["<h1>苏州、宿迁加强合作，实现共同发展</h1>", "本文为本站译文", "2023年10月11日"]),
        ("/en/news/", ["Suzhou, Suqian strengthen cooperation"]),
        ("/zh-hans/news/", ["苏州、宿迁加强合作"]),
        ("/en/", ["Latest news", "Suzhou, Suqian strengthen cooperation", "Changshu Sihong Industrial Park"]),
        ("/zh-hans/", ["最新消息", "苏州、宿迁加强合作", "常熟泗洪工业园"]),
    ],
)
def test_news_pages_show_the_page_language(client, content, url, expected):
    response = client.get(url)
    assert response.status_code == 200
    for text in expected:
        assert text in response.content.decode()


def test_original_english_article_is_not_marked_as_translation_in_english(client, content):
    assert "translation-note" not in client.get(f"/en/news/{SEED}/").content.decode()


@pytest.mark.parametrize(
    "kwargs",
    [
        {"status": Article.Status.DRAFT},
        {"published_at": timezone.now() + datetime.timedelta(days=1)},
    ],
    ids=["draft", "scheduled"],
)
@pytest.mark.parametrize("lang", ["en", "zh-hans"])
def test_unpublished_articles_are_404_for_visitors(client, db, kwargs, lang):
    article = ArticleFactory(slug="not-yet", title_en="Secret plan", **kwargs)
    response = client.get(f"/{lang}/news/{article.slug}/")
    assert response.status_code == 404
    for page in (f"/{lang}/news/", f"/{lang}/"):
        assert "Secret plan" not in client.get(page).content.decode()


def test_unknown_article_is_404(client, db):
    response = client.get("/en/news/no-such-article/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_news_list_is_paginated_newest_first(client, db):
    now = timezone.now()
    for day in range(15):
        ArticleFactory(title_en=f"Story from day {day:02d}", published_at=now - datetime.timedelta(days=day))
    first = client.get("/en/news/").content.decode()
    assert "Story from day 00" in first
    assert "Story from day 14" not in first
    second = client.get("/en/news/?page=2").content.decode()
    assert "Story from day 14" in second
    assert client.get("/en/news/?page=99").status_code == 404
    assert client.get("/en/news/?page=abc").status_code == 404


@pytest.mark.parametrize("count", [3, 30])
def test_news_pages_query_count_does_not_grow(client, content, count, django_assert_max_num_queries):
    from parks.models import Park

    parks = list(Park.objects.all())
    for _ in range(count):
        ArticleFactory(parks=parks)
    # count, page, parks of the page, the filter's choices (years, parks), the footer's site details
    for url in ("/en/news/", "/en/news/?page=1"):
        with django_assert_max_num_queries(6):
            assert client.get(url).status_code == 200
    with django_assert_max_num_queries(4):  # one more than before: the sources it cites
        assert client.get(f"/en/news/{SEED}/").status_code == 200
    # The home dashboard: parks, articles and their parks, headline figures, chart figures;
    # the footer's site details.
    with django_assert_max_num_queries(6):
        assert client.get("/zh-hans/").status_code == 200
