"""The site map (网站地图) and the accessibility statement (无障碍声明), issue 27 point 10: in every
language, linked from every page's footer, in the XML sitemap, cached like the other pages, with
every interface string translated and the queries of a page bounded."""

import re

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

from coop_portal.sitemaps import PageSitemap
from parks.models import Park

LANGUAGES = [code for code, _name in settings.LANGUAGES]
PAGES = ["about:site_map", "about:accessibility"]


def url(name, code):
    with translation.override(code):
        return reverse(name)


def links(html):
    return set(re.findall(r'<a href="([^"]+)"', html))


@pytest.mark.parametrize("code", LANGUAGES)
def test_site_map_lists_every_section_and_every_park(client, content, code):
    html = client.get(url("about:site_map", code)).content.decode()
    found = links(html.split('<main id="main"', 1)[1].split("</main>", 1)[0])
    # Every section of the header's menu and every list page of the XML sitemap...
    header = client.get(url("core:home", code)).content.decode().split('<nav class="site-nav"', 1)[1]
    sections = links(header.split("</nav>", 1)[0])
    with translation.override(code):
        sections |= {reverse(name) for name in PageSitemap().items()}
        parks = {park.get_absolute_url() for park in Park.objects.in_language(code)}
    assert len(sections) >= 10 and len(parks) == 6
    assert sections - found == set()
    # ... and every park, by its name in the page's language.
    assert parks - found == set()
    if code in ("en", "zh-hans"):  # as stored (a converted language shows them converted)
        with translation.override(code):
            assert all(park.name in html for park in Park.objects.in_language(code))


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("path", ["", "parks/ssip/", "news/", "contact/", "about/site-map/", "parks/no-such-park/"])
def test_every_page_footer_links_both(client, content, code, path):
    html = client.get(f"/{code}/{path}").content.decode()
    footer = html.split('<footer class="site-footer">', 1)[1]
    assert f'href="{url("about:site_map", code)}"' in footer
    assert f'href="{url("about:accessibility", code)}"' in footer


def test_accessibility_statement_says_what_the_site_supports(client, db):
    html = client.get("/en/about/accessibility/").content.decode()
    for subject in ["Keyboard", "Text size", "Easy reading", "Read-aloud", "Contrast", "Traditional Chinese"]:
        assert subject in html, subject
    assert '<a href="#easy-reading">' in html  # the elderly mode's switch, on every page
    assert '<a href="/en/contact/">contact page</a>' in html
    zh = client.get("/zh-hans/about/accessibility/").content.decode()
    assert "<h1>无障碍声明</h1>" in zh
    for subject in ["键盘操作", "长者模式", "语音阅读", "对比度", "繁体中文"]:
        assert subject in zh, subject
    assert '<a href="/zh-hans/contact/">联系页面</a>' in zh
    assert '<a href="#easy-reading">前往长者模式开关</a>' in zh


TEMPLATES = ["about/site_map.html", "about/accessibility.html"]
TRANSLATE = re.compile(r'\{% translate "(.*?)"(?: context "(.*?)")? %\}')


def test_every_string_of_both_pages_is_translated(client, db):
    strings = set()
    for name in TEMPLATES:
        strings |= set(TRANSLATE.findall((settings.BASE_DIR / "templates" / name).read_text()))
    assert len(strings) >= 20
    with translation.override("zh-hans"):
        untranslated = [
            msgid
            for msgid, context in strings
            if (translation.pgettext(context, msgid) if context else translation.gettext(msgid)) == msgid
        ]
    assert untranslated == []
    # The sentences with a link or a date in them, as the page shows them.
    zh = client.get("/zh-hans/about/accessibility/").content.decode()
    assert '<a href="/zh-hans/about/site-map/">网站地图</a>在一个页面上列出了全部栏目' in zh
    assert '本声明最近一次审核于<time datetime="2026-12-06">2026年12月6日</time>。' in zh
    assert not re.search(r"site map</a>|contact page</a>|last reviewed", zh)


def test_both_pages_are_in_the_xml_sitemap_in_every_language(client, db):
    sitemap = client.get("/sitemap.xml").content.decode()
    for code in LANGUAGES:
        for name in PAGES:
            assert f"{url(name, code)}</loc>" in sitemap, (code, name)


@pytest.mark.parametrize(("name", "queries"), [("about:site_map", 2), ("about:accessibility", 1)])
def test_cached_like_every_page_and_queries_bounded(page_cache, content, name, queries, django_assert_max_num_queries):
    anon = Client()
    for code in LANGUAGES:
        # A cold page: the footer's site settings, and the parks for the site map (one query
        # however many there are).
        with django_assert_max_num_queries(queries, info=(name, code)):
            first = anon.get(url(name, code))
        assert first.status_code == 200 and first["X-Cache"] == "MISS"
        with django_assert_max_num_queries(0):
            second = anon.get(url(name, code))
        assert second["X-Cache"] == "HIT" and second.content == first.content
