"""/sitemap.xml and /robots.txt as a search engine reads them."""

import datetime
import re
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from django.utils import timezone

from news.models import Article
from news.tests.factories import ArticleFactory


def parse_xml(content):
    return ET.fromstring(content)  # noqa: S314 - our own response, not untrusted input


NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
SEED = "suzhou-suqian-strengthen-cooperation-2023"


def read_sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    entries = {}
    for url in parse_xml(response.content).findall("s:url", NS):
        alternates = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)}
        entries[url.findtext("s:loc", namespaces=NS)] = (url.findtext("s:lastmod", namespaces=NS), alternates)
    return entries


def test_every_public_page_is_listed_in_each_language_it_exists_in(client, content):
    from documents.models import Document
    from enterprises.models import Enterprise
    from facts.models import Source
    from parks.models import Park

    locs = set(read_sitemap(client))
    lists = [
        "/",
        "/parks/",
        "/news/",
        "/documents/",
        "/enterprises/",
        "/figures/",
        "/timeline/",
        "/sources/",
        "/contact/",
    ]
    lists += ["/about/site-map/", "/about/accessibility/"]
    expected = {f"http://testserver/{lang}{path}" for lang in ("en", "zh-hans", "zh-hant") for path in lists}
    # An object is listed in the languages it has text in (issue 15).
    objects = [
        ("news", Article.objects.published()),
        ("parks", Park.objects.all()),
        ("enterprises", Enterprise.objects.all()),
    ]
    objects.append(("sources", Source.objects.all()))
    objects.append(("documents", Document.objects.published()))
    for prefix, queryset in objects:
        for obj in queryset:
            expected |= {f"http://testserver/{lang}/{prefix}/{obj.slug}/" for lang in obj.languages_with_text()}
    assert f"http://testserver/zh-hans/news/{SEED}/" in expected
    assert len(expected) >= 45  # lists, the articles, six parks, the enterprises and sources of the fixtures
    assert locs == expected


def test_every_sitemap_url_answers_200_and_names_the_sitemaps_alternates(client, content):
    """Each page is fetched once for both checks (the sitemap's pages are the slowest part of the
    suite to walk)."""
    ArticleFactory(slug="second-story")
    entries = read_sitemap(client)
    # Each address once: every page is also every other language's alternate.
    urls = {url for loc, (_lastmod, alternates) in entries.items() for url in [loc, *alternates.values()]}
    for url in sorted(urls):
        response = client.get(urlsplit(url).path)
        assert response.status_code == 200, url
        if url in entries:
            # The page's own hreflang links name the versions the sitemap gives it.
            html = response.content.decode()
            on_page = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))
            assert on_page == entries[url][1], url


def test_alternates_are_reciprocal_with_bcp47_tags(client, content):
    entries = read_sitemap(client)
    for loc, (_lastmod, alternates) in entries.items():
        assert set(alternates) in (
            {"en", "zh-Hans", "zh-Hant", "x-default"},
            {"en", "x-default"},
            {"zh-Hans", "zh-Hant"},  # Traditional exists exactly when Simplified does
        )
        assert loc in alternates.values()  # each page names itself among its versions
        if "en" in alternates:
            assert alternates["x-default"] == alternates["en"]
        for tag in set(alternates) - {"x-default"}:
            # The other version lists exactly the same set of versions.
            assert entries[alternates[tag]][1] == alternates
    assert not {"zh-hans", "zh-hant"} & {tag for _lastmod, alternates in entries.values() for tag in alternates}


def test_every_url_has_a_lastmod(client, content):
    entries = read_sitemap(client)
    assert all(lastmod for lastmod, _alternates in entries.values())
    article = Article.objects.get(slug=SEED)
    expected = max(article.published_at, article.updated_at).astimezone(timezone.get_current_timezone()).date()
    assert entries[f"http://testserver/zh-hans/news/{SEED}/"][0] == expected.isoformat()


def test_drafts_and_scheduled_articles_never_appear(client, content):
    ArticleFactory(slug="a-draft", status=Article.Status.DRAFT)
    ArticleFactory(slug="a-scheduled", published_at=timezone.now() + datetime.timedelta(hours=2))
    xml = client.get("/sitemap.xml").content.decode()
    assert "a-draft" not in xml and "a-scheduled" not in xml
    assert SEED in xml


def test_robots_txt_names_the_sitemap(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines


@pytest.mark.parametrize("count", [2, 40])
def test_sitemap_query_count_does_not_grow(client, content, count, django_assert_max_num_queries):
    for _ in range(count):
        ArticleFactory()
    # One query per section (parks, news, documents, enterprises, sources) and one latest-change
    # aggregate per list page kind, whatever the number of rows.
    with django_assert_max_num_queries(12):
        assert client.get("/sitemap.xml").status_code == 200
