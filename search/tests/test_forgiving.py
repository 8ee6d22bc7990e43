"""Search that forgives (issue 14): "Did you mean …?", an empty query that
shows what can be searched, more kinds of results, each labelled, and only
what has text in the page's language."""

import re

import pytest

from enterprises.models import Enterprise
from news.tests.factories import ArticleFactory


def results(html):
    return [
        re.sub(r"</?mark>", "", title) for title in re.findall(r'class="search-hit-title"><a [^>]+>(.*?)</a>', html)
    ]


def labels(html):
    return re.findall(r'<li class="search-hit search-hit-(\w+)">\s*<p class="meta">([^<·&]+)', html)


@pytest.mark.parametrize(
    ("lang", "query", "suggestion", "sentence"),
    [
        ("en", "Suqain", "Suqian", 'Did you mean <a href="?q=Suqian">Suqian</a>?'),
        ("en", "Nichcon", "Nichicon", 'Did you mean <a href="?q=Nichicon">Nichicon</a>?'),
        ("zh-hans", "Nichcon", "Nichicon", '您是不是要找 <a href="?q=Nichicon">Nichicon</a>？'),
        ("zh-hans", "nichcon 2011", "nichicon 2011", '您是不是要找 <a href="?q=nichicon+2011">nichicon 2011</a>？'),
    ],
)
def test_a_typo_gets_did_you_mean_with_a_query_that_finds_something(client, content, lang, query, suggestion, sentence):
    html = client.get(f"/{lang}/search/", {"q": query}).content.decode()
    assert sentence in html
    assert results(client.get(f"/{lang}/search/", {"q": suggestion}).content.decode())


@pytest.mark.parametrize("query", ["Suqian", "尼吉康", "quantumcomputing", "量子计算"])
def test_no_suggestion_for_a_word_that_exists_or_nothing_close(client, content, query):
    html = client.get("/en/search/", {"q": query}).content.decode()
    assert "Did you mean" not in html


@pytest.mark.parametrize(
    ("lang", "intro", "example"),
    [
        ("en", "Find the joint parks, news, the enterprises in the parks", '<a href="?q=Nichicon">Nichicon</a>'),
        ("zh-hans", "可以用中文或英文的词语、名称查找", '<a href="?q=%E5%B0%BC%E5%90%89%E5%BA%B7">尼吉康</a>'),
    ],
)
@pytest.mark.parametrize("query", ["", "   ", '""'])
def test_an_empty_query_shows_what_can_be_searched_with_examples(client, content, lang, intro, example, query):
    html = client.get(f"/{lang}/search/", {"q": query} if query else {}).content.decode()
    assert intro in html and example in html
    assert results(html) == []


@pytest.mark.parametrize("lang", ["en", "zh-hans"])
def test_every_example_finds_something(client, content, lang):
    html = client.get(f"/{lang}/search/").content.decode()
    urls = re.findall(r'<ul class="search-examples">(.*?)</ul>', html, re.S)[0]
    for url in re.findall(r'href="([^"]+)"', urls):
        assert results(client.get(f"/{lang}/search/{url.replace('&amp;', '&')}").content.decode()), url


@pytest.mark.parametrize(
    ("lang", "query", "kind", "label"),
    [
        ("en", "恒力", "enterprise", "Enterprise"),
        ("zh-hans", "恒力", "enterprise", "企业"),
        ("zh-hans", "Hengli", "enterprise", "企业"),
        ("en", "Suzhou Daily", "source", "Source"),
        ("zh-hans", "苏州日报", "source", "来源"),
        ("en", "people employed", "figure", "Key figure"),
        ("zh-hans", "就业人数", "figure", "关键数据"),
    ],
)
def test_enterprises_sources_and_key_figures_are_found_and_labelled(client, content, lang, query, kind, label):
    html = client.get(f"/{lang}/search/", {"q": query}).content.decode()
    assert (kind, label.strip()) in [(k, text.strip()) for k, text in labels(html)]


def test_the_chinese_name_of_an_enterprise_finds_it(content):
    assert "hengli" in [e.slug for e in Enterprise.objects.search("恒力")]


@pytest.mark.django_db
def test_an_article_is_a_result_only_in_the_languages_it_has_text_in(client):
    ArticleFactory(title_en="Quokka report", title_zh_hans=None, summary_zh_hans=None, body_zh_hans=None)
    assert results(client.get("/en/search/", {"q": "quokka"}).content.decode()) == ["Quokka report"]
    assert results(client.get("/zh-hans/search/", {"q": "quokka"}).content.decode()) == []
