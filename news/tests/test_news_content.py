"""The news of fixtures/news.json: written in both languages with the original marked,
each citing its sources on the page, and shown on the parks' pages."""

import json
import re
from pathlib import Path

from django.conf import settings

from news.models import Article


def fixture_articles():
    entries = json.loads((Path(settings.BASE_DIR) / "fixtures" / "news.json").read_text())
    return [entry["fields"] for entry in entries if entry["model"] == "news.article"]


def test_every_article_is_in_both_languages_with_its_original_marked_and_a_source():
    articles = fixture_articles()
    assert len(articles) >= 15
    for fields in articles:
        for name in ("title", "summary", "body"):
            assert fields[f"{name}_en"] and fields[f"{name}_zh_hans"], (fields["slug"], name)
        assert fields["original_language"] in ("en", "zh-hans")
        assert fields["sources"], fields["slug"]


def test_an_article_cites_its_source_with_title_publisher_address_and_date(client, content):
    html = client.get("/zh-hans/news/2023-10-09-joint-park-local-standard/").content.decode()
    sources = re.search(r'<section aria-labelledby="article-sources-heading".*?</section>', html, re.S).group(0)
    assert 'href="http://jsnews.jschina.com.cn/sq/a/202310/t20231014_3299650.shtml"' in sources
    assert "全国首个共建园区建设领域地方标准发布" in sources and "宿迁网，中国江苏网转载" in sources
    assert "2023年10月14日" in sources
    # Written in Chinese: the English page says it is our translation.
    english = client.get("/en/news/2023-10-09-joint-park-local-standard/").content.decode()
    assert "This is our translation" in english
    assert "This is our translation" not in client.get("/en/news/2006-11-21-ssip-pilot-joint-zone/").content.decode()


def test_each_park_page_shows_its_news(client, content):
    html = client.get("/en/parks/wujiang-siyang/").content.decode()
    news = re.search(r'<section aria-labelledby="park-news-heading".*?</section>', html, re.S).group(0)
    assert "Agreement signed for the Wujiang Siyang industrial cooperation park" in news
    assert Article.objects.published().filter(parks__slug="ssip").count() >= 10


def test_an_article_citing_its_outlet_by_name_and_address_only_shows_the_link(client, db):
    # No Source row, as an editor may save it: once a 500 (the template asked the missing row for its publisher).
    from news.tests.factories import ArticleFactory

    ArticleFactory(slug="outlet-only", source_name="Suqian Daily", source_url="https://www.sqdaily.com/")
    ArticleFactory(slug="outlet-name-only", source_name="Suqian Daily")
    linked = client.get("/en/news/outlet-only/")
    assert linked.status_code == 200
    assert '<a href="https://www.sqdaily.com/" rel="noopener">Suqian Daily</a>' in linked.content.decode()
    named = client.get("/en/news/outlet-name-only/")
    assert named.status_code == 200 and "Suqian Daily" in named.content.decode()
