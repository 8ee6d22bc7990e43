"""What visitors read: no editor notes, no doubled city name, one English date style, on
every public page in both languages (every URL of the sitemap, plus the list pages)."""

import re

import pytest

EDITOR_NOTES = [
    "not yet confirmed by a source we could verify",
    "editors will add",
    "not recorded yet",
    "暂未记录",
    "No source is recorded",
    "本条目暂未记录来源",
    "none recorded",
    "not stated",
    "未经核实",
    "待找到后由编辑补充",
]
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"


def public_pages(client):
    sitemap = client.get("/sitemap.xml").content.decode()
    pages = {re.sub(r"^https?://[^/]+", "", url) for url in re.findall(r"<loc>(.*?)</loc>", sitemap)}
    # Traditional pages are the Simplified ones converted (core/i18n/languages.py): what is checked here
    # is in the text as written, so they would only repeat the Simplified pages, slower.
    pages = {page for page in pages if not page.startswith("/zh-hant/")}
    pages |= {
        f"/{lang}/{path}" for lang in ("en", "zh-hans") for path in ("", "news/", "figures/", "about/", "contact/")
    }
    return sorted(pages)


def test_no_editor_notes_and_no_doubled_city_on_any_public_page(client, content):
    pages = public_pages(client)
    assert len(pages) > 60 and any(p.startswith("/zh-hans/news/") for p in pages)
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
        html = response.content.decode()
        for phrase in EDITOR_NOTES:
            assert phrase not in html, (page, phrase)
        assert "苏州苏州" not in html, page
        if page.startswith("/en/"):
            # One English date style: "1 November 2006", never "Nov. 1, 2006".
            assert not re.search(r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\. \d", html), page
            assert not re.search(
                rf"\b(?:{MONTHS}) \d{{1,2}}, \d{{4}}",
                html,
            ), page


@pytest.mark.parametrize("url", ["/zh-hans/parks/ssip/", "/en/parks/ssip/"])
def test_ranks_and_their_sources_are_not_nested_brackets(client, content, url):
    html = client.get(url).content.decode()
    ranks = re.search(r'<dd><ul class="plain">.*?</ul></dd>', html, re.S).group(0)
    assert "（共45个园区）" in ranks or "of 45" in ranks
    text = re.sub(r"<[^>]+>", "", ranks)
    assert not re.search(r"[(（][^)）]*[(（]", text), text


def test_chinese_pages_name_publishers_in_chinese(client, content):
    html = client.get("/zh-hans/news/suzhou-suqian-strengthen-cooperation-2023/").content.decode()
    assert "中国江苏网" in html
    assert ">ourjiangsu.com<" not in html
    figures = client.get("/zh-hans/figures/").content.decode()
    assert "中国江苏网" in figures and "ourjiangsu.com，" not in figures


def test_last_updated_is_the_contents_own_date_not_the_load_date(client, content):
    # fixtures/parks.json gives each park's updated_at (loaddata keeps it); the load time would
    # carry the current second, not 12:00 UTC.
    html = client.get("/en/parks/ssip/").content.decode()
    assert re.search(
        r'<p class="updated">Last updated: <time datetime="2026-11-29T20:00:00\+08:00">29 November 2026</time>', html
    )
