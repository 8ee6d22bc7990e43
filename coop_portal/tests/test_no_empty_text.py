"""No public page prints "None" or "null" where a text is missing, nor an empty heading (issue 27,
point 7): every page of the sitemap, the list pages, and the side-by-side (中英对照) view of every
article and park, also of objects written in one language only, in every language."""

import re
from html.parser import HTMLParser

import pytest
from django.conf import settings

from coop_portal.tests.test_public_text import public_pages
from news.models import Article
from news.tests.factories import ArticleFactory
from parks.tests.factories import ParkFactory

# "None" or "null" as a word, unless a sentence goes on with it ("None of the six parks ...").
MISSING = re.compile(r"(?<![\w-])(None|null)(?![\w-])(?! [a-z])")
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# Attributes a visitor reads or hears (screen readers), or sees in a shared link's preview.
READ_ATTRIBUTES = {"alt", "title", "aria-label", "placeholder"}


class VisibleText(HTMLParser):
    """The text a visitor reads, and the headings that have none."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts = []
        self.empty_headings = []
        self._skip = 0  # inside <script>, <style>, <template>
        self._heading = None  # [tag, text so far] of the open heading

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "style", "template"):
            self._skip += 1
        if tag in HEADINGS:
            self._heading = [tag, ""]
        for name in READ_ATTRIBUTES:
            if attrs.get(name):
                self.texts.append(attrs[name])
                if self._heading and name in ("alt", "aria-label"):
                    self._heading[1] += attrs[name]
        if tag == "meta" and attrs.get("content") and (attrs.get("property") or attrs.get("name")) != "robots":
            self.texts.append(attrs["content"])

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template"):
            self._skip = max(self._skip - 1, 0)
        if tag in HEADINGS and self._heading:
            if not self._heading[1].strip():
                self.empty_headings.append(tag)
            self._heading = None

    def handle_data(self, data):
        if self._skip:
            return
        self.texts.append(data)
        if self._heading:
            self._heading[1] += data


def problems(html):
    parser = VisibleText()
    parser.feed(html)
    found = [f"empty <{tag}>" for tag in parser.empty_headings]
    for text in parser.texts:
        found += [f"prints {m.group(1)!r} in {text.strip()[:80]!r}" for m in MISSING.finditer(text)]
    return found


def test_the_scan_finds_what_it_looks_for():
    assert problems("<h2> </h2><p>Title: None</p><div title='null'></div><script>var x = null;</script>") == [
        "empty <h2>",
        "prints 'None' in 'Title: None'",
        "prints 'null' in 'null'",
    ]
    assert problems("<h2><img alt='Map'></h2><p>None of the six parks is new.</p>") == []


@pytest.fixture
def one_language_objects(db):
    """An article in Chinese only, one in English only, and a park in Chinese only."""
    chinese = ArticleFactory(
        slug="zhong-wen-xin-wen",
        original_language=Article.Language.ZH_HANS,
        title_en=None,
        summary_en=None,
        body_en=None,
    )
    english = ArticleFactory(slug="english-only-news", title_zh_hans=None, summary_zh_hans=None, body_zh_hans=None)
    park = ParkFactory(
        slug="zhong-wen-yuan-qu",
        original_language="zh-hans",
        name_en=None,
        short_name_en=None,
        summary_en=None,
        host_name_en=None,
        partner_name_en=None,
        description_zh_hans="<p>园区简介。</p>",
    )
    return [chinese.slug, english.slug], [park.slug]


def test_no_public_page_prints_none_or_null_or_an_empty_heading(client, content, one_language_objects):
    articles, parks = one_language_objects
    pages = set(public_pages(client))
    # Every article and park in its side-by-side view, and the one-language objects' pages in every language.
    for page in list(pages):
        if re.fullmatch(r"/[\w-]+/(news|parks)/[\w-]+/", page):
            pages.add(page + "side-by-side/")
    for code, _name in settings.LANGUAGES:
        pages |= {f"/{code}/search/?q=Suqian", f"/{code}/search/?q=宿迁", f"/{code}/search/"}
        for slug in articles:
            pages |= {f"/{code}/news/{slug}/", f"/{code}/news/{slug}/side-by-side/"}
        for slug in parks:
            pages |= {f"/{code}/parks/{slug}/", f"/{code}/parks/{slug}/side-by-side/"}
    assert sum("side-by-side" in page for page in pages) > 30
    found = {}
    for page in sorted(pages):
        response = client.get(page)
        assert response.status_code == 200, page
        if issues := problems(response.content.decode()):
            found[page] = issues
    assert found == {}


@pytest.mark.parametrize("code", [code for code, _name in settings.LANGUAGES])
def test_side_by_side_of_a_one_language_article_is_the_one_language_notice(client, one_language_objects, code):
    page = client.get(f"/{code}/news/zhong-wen-xin-wen/side-by-side/").content.decode()
    assert "None" not in page
    assert 'name="robots" content="noindex"' in page
    # It says which language the article exists in, and links to the article there.
    assert 'href="/zh-hans/news/zhong-wen-xin-wen/" hreflang="zh-Hans"' in page
    # The article's own page offers no side-by-side view.
    article = client.get("/zh-hans/news/zhong-wen-xin-wen/").content.decode()
    assert "/side-by-side/" not in article


def test_side_by_side_of_a_bilingual_article_still_pairs_the_paragraphs(client, db):
    ArticleFactory(slug="both", body_en="<p>One.</p>", body_zh_hans="<p>一。</p>")
    page = client.get("/en/news/both/side-by-side/").content.decode()
    assert "<p>One.</p>" in page and "<p>一。</p>" in page
    assert 'href="/en/news/both/side-by-side/"' in client.get("/en/news/both/").content.decode()
