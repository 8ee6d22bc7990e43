"""RSS and Atom feeds of the latest published articles, one per language."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from news.models import Article
from news.tests.factories import ArticleFactory


def parse_xml(content):
    return ET.fromstring(content)  # noqa: S314 - our own response, not untrusted input


ATOM = "{http://www.w3.org/2005/Atom}"
SEED_URL = "news/suzhou-suqian-strengthen-cooperation-2023/"
# The newest shipped item (content.md E21, 2024).
NEWEST_URL = "news/2024-kunshan-shuyang-business-environment-case/"


def rss_items(xml):
    channel = parse_xml(xml).find("channel")
    return channel, [(item.findtext("title"), item.findtext("link")) for item in channel.findall("item")]


@pytest.mark.parametrize(
    ("lang", "tag", "title"),
    [
        ("en", "en", "Kunshan Shuyang park among China's top-100 development-zone business-environment cases (2024)"),
        ("zh-hans", "zh-Hans", "昆沭高新技术产业园入选《中国开发区营商环境百佳案例》（2024）"),
    ],
)
def test_rss_feed_is_in_the_language_of_its_url(client, content, lang, tag, title):
    response = client.get(f"/{lang}/news/feed/rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel, items = rss_items(response.content)
    assert channel.findtext("language") == tag
    # Newest first: the 2024 item, the seed article, then the older news written from content.md.
    assert items[0] == (title, f"http://testserver/{lang}/{NEWEST_URL}")
    assert items[1][1] == f"http://testserver/{lang}/{SEED_URL}"
    assert len(items) == Article.objects.published().count()


@pytest.mark.parametrize(("lang", "tag", "feed_title"), [("en", "en", "news"), ("zh-hans", "zh-Hans", "苏宿合作")])
def test_atom_feed_is_in_the_language_of_its_url(client, content, lang, tag, feed_title):
    response = client.get(f"/{lang}/news/feed/atom/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = parse_xml(response.content)
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == tag
    assert feed_title in feed.findtext(f"{ATOM}title")
    entry = feed.findall(f"{ATOM}entry")[0]
    assert entry.find(f"{ATOM}link").get("href") == f"http://testserver/{lang}/{NEWEST_URL}"
    assert entry.findtext(f"{ATOM}published").startswith("2024-12-31T")
    seed = feed.findall(f"{ATOM}entry")[1]
    assert seed.find(f"{ATOM}link").get("href") == f"http://testserver/{lang}/{SEED_URL}"
    assert seed.findtext(f"{ATOM}published").startswith("2023-10-11T")


def test_feeds_leave_out_drafts_and_scheduled_articles(client, db):
    ArticleFactory(title_en="Draft story", status=Article.Status.DRAFT)
    ArticleFactory(title_en="Scheduled story", published_at=timezone.now() + datetime.timedelta(days=1))
    ArticleFactory(title_en="Public story")
    for lang in ("en", "zh-hans"):
        for kind in ("rss", "atom"):
            xml = client.get(f"/{lang}/news/feed/{kind}/").content.decode()
            assert "Draft story" not in xml and "Scheduled story" not in xml
    assert "Public story" in client.get("/en/news/feed/rss/").content.decode()


def test_feed_holds_the_latest_twenty_newest_first(client, db):
    now = timezone.now()
    for day in range(25):
        ArticleFactory(title_en=f"Story {day:02d}", published_at=now - datetime.timedelta(days=day))
    _channel, items = rss_items(client.get("/en/news/feed/rss/").content)
    assert [title for title, _link in items] == [f"Story {day:02d}" for day in range(20)]


def test_summary_is_escaped_as_text(client, db):
    ArticleFactory(summary_en="Profits < costs & <b>bold</b> claims")
    xml = client.get("/en/news/feed/rss/").content.decode()
    assert "Profits &amp;lt; costs &amp;amp; &amp;lt;b&amp;gt;bold" in xml


def test_feed_query_count_is_bounded(client, db, django_assert_max_num_queries):
    for _ in range(25):
        ArticleFactory()
    with django_assert_max_num_queries(1):
        assert client.get("/zh-hans/news/feed/atom/").status_code == 200
