"""What a visitor sees of the language rules on every page."""

import re

import pytest

from news.tests.factories import ArticleFactory

SEED_ARTICLE = "/news/suzhou-suqian-strengthen-cooperation-2023/"
PAGES = ["/", "/parks/", "/parks/ssip/", "/news/", SEED_ARTICLE, "/figures/", "/contact/"]


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("zh-CN,zh;q=0.9,en;q=0.8", "/zh-hans/"),
        ("zh-Hans", "/zh-hans/"),
        ("en-GB,en;q=0.9", "/en/"),
        ("fr-FR", "/en/"),
        ("", "/en/"),
    ],
)
def test_root_redirects_to_preferred_language(client, db, accept_language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == expected
    assert "Accept-Language" in response["Vary"]


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize(("prefix", "lang"), [("/en", "en"), ("/zh-hans", "zh-Hans"), ("/zh-hant", "zh-Hant")])
def test_every_page_declares_its_language_and_alternates(client, content, path, prefix, lang):
    html = client.get(prefix + path).content.decode()
    assert f'<html lang="{lang}">' in html
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))
    assert alternates == {
        "en": f"http://testserver/en{path}",
        "zh-Hans": f"http://testserver/zh-hans{path}",
        "zh-Hant": f"http://testserver/zh-hant{path}",
        "x-default": f"http://testserver/en{path}",
    }


@pytest.mark.parametrize("path", PAGES)
def test_language_switch_lands_on_the_same_page(client, content, path):
    english = client.get("/en" + path).content.decode()
    switch = re.search(r'<nav class="lang-switch".*?</nav>', english, re.S).group(0)
    assert f'href="/zh-hans{path}"' in switch
    assert 'lang="zh-Hans"' in switch  # the other language's name is marked up as such
    chinese = client.get("/zh-hans" + path).content.decode()
    switch = re.search(r'<nav class="lang-switch".*?</nav>', chinese, re.S).group(0)
    assert f'href="/en{path}"' in switch


def test_titles_are_in_the_page_language(client, content):
    assert "<title>Home · Suzhou–Suqian Cooperation Portal</title>" in client.get("/en/").content.decode()
    assert "<title>首页 · 苏宿合作门户网站</title>" in client.get("/zh-hans/").content.decode()


def test_missing_chinese_text_is_not_mixed_in_but_pointed_to(client, db):
    """Issue 15: no half-translated page; the Chinese address says where the article is."""
    ArticleFactory(slug="only-english", title_en="Only in English", title_zh_hans=None)
    html = client.get("/zh-hans/news/only-english/").content.decode()
    assert "<h1>Only in English</h1>" not in html
    assert '<a href="/en/news/only-english/" hreflang="en" lang="en">Only in English</a>' in html


@pytest.mark.parametrize("path", PAGES)
def test_pages_load_nothing_from_other_hosts(client, content, path):
    html = client.get("/zh-hans" + path).content.decode()
    # Sources are cited with plain links; nothing may be *loaded* from elsewhere.
    loaded = re.findall(r'<(?:script|img|iframe|source)[^>]+src="([^"]+)"', html)
    loaded += re.findall(r'<link[^>]+rel="(?:stylesheet|preload|icon)"[^>]+href="([^"]+)"', html)
    assert loaded, "expected at least the stylesheet"
    assert all(url.startswith("/") and not url.startswith("//") for url in loaded), loaded


def test_object_urls_follow_the_language_and_the_script_prefix(content):
    """get_absolute_url() gives the page under the active language and the script prefix."""
    from django.urls import get_script_prefix, set_script_prefix
    from django.utils import translation

    from parks.models import Park

    park = Park.objects.get(slug="ssip")
    with translation.override("en"):
        assert park.get_absolute_url() == "/en/parks/ssip/"
        with translation.override("zh-hans"):
            assert park.get_absolute_url() == "/zh-hans/parks/ssip/"
        prefix = get_script_prefix()
        set_script_prefix("/portal/")  # the site mounted under a path (SCRIPT_NAME)
        try:
            assert park.get_absolute_url() == "/portal/en/parks/ssip/"
        finally:
            set_script_prefix(prefix)
        assert park.get_absolute_url() == "/en/parks/ssip/"
