"""Every public page runs the same number of SQL queries with 10 articles as with 500 (and as with
two, so that a query per item of a short list is caught too)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from news.models import Article
from parks.models import Park

# The article every detail page shows, and the park every park page shows; both have news.
ARTICLE = "article-0000"
PAGES = ["/{lang}/", "/{lang}/parks/", "/{lang}/parks/ssip/", "/{lang}/news/", f"/{{lang}}/news/{ARTICLE}/"]


def add_articles(start, stop):
    """Published bilingual articles, each about two parks (bulk, so 500 take a moment)."""
    parks = list(Park.objects.all())
    now = timezone.now()
    articles = Article.objects.bulk_create(
        Article(
            slug=f"article-{n:04d}",
            title_en=f"Cooperation news {n}",
            title_zh_hans=f"合作新闻{n}",
            summary_en=f"Summary {n}.",
            summary_zh_hans=f"摘要{n}。",
            body_en=f"<p>Body {n}.</p>",
            body_zh_hans=f"<p>正文{n}。</p>",
            status=Article.Status.PUBLISHED,
            published_at=now - datetime.timedelta(hours=n + 1),
        )
        for n in range(start, stop)
    )
    Through = Article.parks.through
    Through.objects.bulk_create(
        Through(article=article, park=park)
        for n, article in enumerate(articles, start)
        for park in (parks[0], parks[(n % (len(parks) - 1)) + 1])
    )


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("lang", ["en", "zh-hans"])
@pytest.mark.parametrize("page", PAGES)
def test_query_count_does_not_grow_with_the_number_of_articles(client, content, settings, page, lang):
    settings.PAGE_CACHE = False  # measure the page, not the cache
    url = page.format(lang=lang)
    add_articles(0, 1)
    with_seed = count_queries(client, url)
    add_articles(1, 10)
    with_10 = count_queries(client, url)
    assert with_10 == with_seed
    add_articles(10, 500)
    assert Article.objects.published().count() == 517  # with the 17 articles of fixtures/news.json
    assert count_queries(client, url) == with_10
