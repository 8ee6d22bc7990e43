"""Content in one language on the public site (issue 15, point 2): listed, in feeds and
sitemaps only in the language it has text for; its address in the other language is one
short page, the same for every content type; hreflang names only the languages that exist."""

import pytest

from enterprises.tests.factories import EnterpriseFactory
from news.models import Article
from news.tests.factories import ArticleFactory


@pytest.fixture
def chinese_only(db):
    return ArticleFactory(
        slug="su-qian-xin-wen",
        original_language=Article.Language.ZH_HANS,
        title_zh_hans="宿迁新闻标题",
        title_en=None,
        summary_en=None,
        body_en=None,
    )


def test_listed_only_in_its_language(client, chinese_only):
    assert "宿迁新闻标题" in client.get("/zh-hans/news/").content.decode()
    assert "su-qian-xin-wen" not in client.get("/en/news/").content.decode()
    assert "su-qian-xin-wen" not in client.get("/en/").content.decode()


def test_in_the_feed_of_its_language_only(client, chinese_only):
    assert "宿迁新闻标题" in client.get("/zh-hans/news/feed/rss/").content.decode()
    assert "su-qian-xin-wen" not in client.get("/en/news/feed/rss/").content.decode()


def test_in_the_sitemap_in_its_language_only(client, chinese_only):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/zh-hans/news/su-qian-xin-wen/" in sitemap
    assert "/en/news/su-qian-xin-wen/" not in sitemap


def test_its_address_in_the_missing_language_says_where_it_is(client, chinese_only):
    response = client.get("/en/news/su-qian-xin-wen/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "available in 简体中文 only" in page
    assert 'href="/zh-hans/news/su-qian-xin-wen/"' in page and "宿迁新闻标题" in page
    assert 'name="robots" content="noindex"' in page
    assert 'hreflang="en"' not in page  # no alternate for the language that does not exist


def test_the_existing_version_names_only_its_own_language(client, chinese_only):
    page = client.get("/zh-hans/news/su-qian-xin-wen/").content.decode()
    assert 'hreflang="zh-Hans"' in page
    assert '<link rel="alternate" hreflang="en"' not in page


def test_every_content_type_behaves_the_same(client, db):
    enterprise = EnterpriseFactory(original_language="zh-hans", name_en=None, name_zh_hans="示例中文公司")
    page = client.get(f"/en/enterprises/{enterprise.slug}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "available in 简体中文 only" in page and "示例中文公司" in page
    assert enterprise.slug not in client.get("/en/enterprises/").content.decode()


def test_the_missing_translations_page_lists_it(admin_client, chinese_only):
    page = admin_client.get("/admin/translations/").content.decode()
    assert "宿迁新闻标题" in page


def test_a_translation_brings_it_to_the_other_language(client, chinese_only):
    chinese_only.title_en, chinese_only.summary_en, chinese_only.body_en = "Suqian news", "S.", "<p>B.</p>"
    chinese_only.save()
    page = client.get("/en/news/su-qian-xin-wen/").content.decode()
    assert "This is our translation" in page
    assert "su-qian-xin-wen" in client.get("/en/news/").content.decode()
