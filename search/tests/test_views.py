"""The search page as a visitor uses it: /<lang>/search/?q=."""

import datetime
import re

import pytest
from django.utils import timezone

from news.models import Article
from news.tests.factories import ArticleFactory
from parks.models import Park
from search.sources import SOURCES

SEED_EN = "Suzhou, Suqian strengthen cooperation for shared development"
SEED_ZH = "苏州、宿迁加强合作，实现共同发展"


def results(html):
    """The result titles, in order, without their <mark> tags."""
    return [
        re.sub(r"</?mark>", "", title) for title in re.findall(r'class="search-hit-title"><a [^>]+>(.*?)</a>', html)
    ]


@pytest.mark.parametrize("query", ["尼吉康", "苏宿", "Nichicon", "strengthen cooperation"])
@pytest.mark.parametrize(("lang", "title"), [("en", SEED_EN), ("zh-hans", SEED_ZH)])
def test_either_language_finds_the_seed_article_on_either_page(client, content, query, lang, title):
    # The first two pages: 苏宿 is in the titles of three shipped documents and several sources,
    # which rank above an article that has it only in its text.
    response = client.get(f"/{lang}/search/", {"q": query})
    assert response.status_code == 200
    found = results(response.content.decode())
    if title not in found:
        response = client.get(f"/{lang}/search/", {"q": query, "page": 2})
        assert response.status_code == 200
        found += results(response.content.decode())
    assert title in found


@pytest.mark.parametrize(
    ("lang", "query", "marked"),
    [
        ("zh-hans", "尼吉康", "<mark>尼吉康</mark>电子（宿迁）有限公司"),
        ("en", "Nichicon", "<mark>Nichicon</mark> (Electronics) Suqian Co., Ltd."),
        ("en", "nichicon", "<mark>Nichicon</mark> (Electronics)"),
        (
            "zh-hans",
            "加强合作",
            '<a href="/zh-hans/news/suzhou-suqian-strengthen-cooperation-2023/">苏州、宿迁<mark>加强合作</mark>',
        ),
    ],
)
def test_snippets_are_in_the_page_language_with_matches_marked(client, content, lang, query, marked):
    html = client.get(f"/{lang}/search/", {"q": query}).content.decode()
    assert marked in html


def test_results_are_ranked_and_mix_parks_and_news(client, content):
    html = client.get("/en/search/", {"q": "Sucheng"}).content.decode()
    found = results(html)
    # Name matches first (Wuzhong Sucheng), then parks hosted in Sucheng District (SSIP).
    assert found[0] == "Wuzhong Sucheng Industrial Park"
    assert "Suzhou Suqian Industrial Park" in found[1:]
    assert "Park" in html and "News" in html


def test_drafts_never_appear(client, content):
    ArticleFactory(title_en="Nichicon draft plan", title_zh_hans="尼吉康草稿", status=Article.Status.DRAFT)
    for lang, query in [("en", "Nichicon"), ("zh-hans", "尼吉康"), ("en", "draft plan"), ("zh-hans", "草稿")]:
        found = results(client.get(f"/{lang}/search/", {"q": query}).content.decode())
        assert "Nichicon draft plan" not in found and "尼吉康草稿" not in found


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "%",
        "_",
        "%_%",
        "'",
        '"',
        "''; DROP TABLE news_article; --",
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        "😀",
        "尼吉康😀",
        "\\",
        "NEAR(a b) OR c*",
        "\u200b",
        "a" * 10240,
        "尼吉康" * 3000,
    ],
)
@pytest.mark.parametrize("lang", ["en", "zh-hans"])
def test_odd_queries_give_a_clean_page(client, content, query, lang):
    response = client.get(f"/{lang}/search/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)" not in html
    assert "<img src=x" not in html
    assert '<html lang="' in html and "</html>" in html


def test_a_nul_byte_is_refused_before_the_search(client, content):
    # A NUL is refused before the view, on every page alike (core.middleware.RequestGuardMiddleware).
    response = client.get("/en/search/", {"q": "Nichicon\x00"})
    assert response.status_code == 400
    assert "NUL character" in response.content.decode()


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("en", "Your search was longer than 100 characters: only the first 100 were searched."),
        ("zh-hans", "搜索内容超过100个字符，只搜索了前100个字符。"),
    ],
)
def test_a_long_query_is_cut_and_the_visitor_told_in_the_page_language(client, content, lang, message):
    html = client.get(f"/{lang}/search/", {"q": "尼吉康" + " " * 90 + "x" * 10240}).content.decode()
    assert message in html
    # Not Django's form wording ("Ensure this value has at most …", "确保该变量包含不超过 …").
    assert "Ensure this value" not in html and "确保" not in html
    # What was kept is searched: 尼吉康 and a word of "x"s (cut to its first characters).
    assert results(html) == []
    html = client.get(f"/{lang}/search/", {"q": "尼吉康" + " " * 200}).content.decode()
    assert message not in html
    assert len(results(html)) >= 1


def test_html_in_titles_is_shown_as_text(client, db):
    ArticleFactory(title_en="<b>Quokka</b> & co")
    html = client.get("/en/search/", {"q": "quokka"}).content.decode()
    assert "&lt;b&gt;<mark>Quokka</mark>&lt;/b&gt; &amp; co" in html


def test_pages_beyond_the_prefetched_results(client, db, monkeypatch):
    from search.sources import SearchResults

    monkeypatch.setattr(SearchResults, "prefetch", 5)
    for n in range(25):
        ArticleFactory(title_en=f"Quokka story {n:02d}", published_at=timezone.now() - datetime.timedelta(days=n))
    third = client.get("/en/search/", {"q": "quokka", "page": 3}).content.decode()
    assert results(third) == [f"Quokka story {n:02d}" for n in range(20, 25)]
    assert "25 results for" in third


@pytest.mark.parametrize(
    ("lang", "says"),
    [
        ("en", "More than 6 results for “quokka”: the most recent come first."),
        ("zh-hans", "与“quokka”相关的结果超过6条，最近的排在前面。"),
    ],
)
def test_a_word_in_more_articles_than_are_ranked_ranks_the_newest(client, db, monkeypatch, lang, says):
    import search.sources

    monkeypatch.setattr(search.sources, "MOST_MATCHES", 6)
    now = timezone.now()
    # Eight articles with the word in the body, the newest first; the oldest has it in its title too.
    for n in range(7):
        ArticleFactory(body_en=f"<p>A quokka, story {n}.</p>", published_at=now - datetime.timedelta(days=n))
    ArticleFactory(
        title_en="Quokka in the title", title_zh_hans="短尾矮袋鼠", published_at=now - datetime.timedelta(days=30)
    )
    html = client.get(f"/{lang}/search/", {"q": "quokka"}).content.decode()
    assert says in html
    # Only the newest matches were ranked: the old title match, which would otherwise come
    # first, is not among them.
    assert "Quokka in the title" not in html and "短尾矮袋鼠" not in html
    assert len(results(html)) == 6


def test_results_are_paginated_and_links_keep_the_query(client, db):
    for n in range(25):
        ArticleFactory(title_en=f"Quokka story {n:02d}")
    first = client.get("/en/search/", {"q": "quokka"}).content.decode()
    assert len(results(first)) == 10
    assert "25 results for" in first
    assert 'href="?q=quokka&amp;page=2"' in first
    third = client.get("/en/search/", {"q": "quokka", "page": 3}).content.decode()
    assert len(results(third)) == 5
    assert 'href="?q=quokka&amp;page=2" rel="prev"' in third
    assert client.get("/en/search/", {"q": "quokka", "page": 99}).status_code == 404
    assert client.get("/en/search/", {"q": "quokka", "page": "abc"}).status_code == 404


def test_nothing_found_says_so(client, content):
    html = client.get("/zh-hans/search/", {"q": "不存在的词"}).content.decode()
    assert "没有找到与“不存在的词”相关的内容" in html


def test_every_page_has_a_search_box(client, content):
    for url in ["/en/", "/zh-hans/parks/ssip/", "/en/news/"]:
        html = client.get(url).content.decode()
        assert 'role="search"' in html and 'name="q"' in html


def test_search_pages_are_not_indexed_by_search_engines(client, db):
    assert '<meta name="robots" content="noindex, follow">' in client.get("/en/search/?q=x").content.decode()


@pytest.mark.parametrize("count", [3, 30])
def test_query_count_does_not_grow_with_results(client, content, count, django_assert_max_num_queries):
    parks = list(Park.objects.all())
    for n in range(count):
        ArticleFactory(title_en=f"Quokka {n}", parks=parks)
    client.get("/en/search/", {"q": "quokka"})  # which index each model has is looked up once per process
    # For each kind: the total with the best (id, rank) pairs, then the objects shown; on
    # PostgreSQL, 4 more to set the plan (search.query.index_scans): savepoint, set, reset, release.
    with django_assert_max_num_queries(2 * len(SOURCES) + 4):
        assert len(results(client.get("/en/search/", {"q": "quokka"}).content.decode())) == min(count, 10)
    # Nothing found: for each kind, the search, the words of its titles (SQLite; PostgreSQL:
    # one query per term, 3 here), and the search for what "Did you mean" would offer.
    with django_assert_max_num_queries(3 * len(SOURCES) + 3 * 4):
        assert results(client.get("/en/search/", {"q": "quokka 苏宿 park"}).content.decode()) == []


@pytest.mark.parametrize(("lang", "query"), [("en", "尼吉康"), ("zh-hans", "Nichicon")])
def test_enterprises_are_searched_in_both_languages(client, content, lang, query):
    html = client.get(f"/{lang}/search/", {"q": query}).content.decode()
    assert f'href="/{lang}/enterprises/nichicon-suqian/"' in html


# Issue 23, point 3: punctuation and LIKE wildcards alone, half- and full-width.
NO_WORD = ["%", "_", "\\", "!", "*", ".", "%_%", "%%% ___ \\\\", "!*.%_", "。，！", "％＿＊", "……", "—", '"%"']


@pytest.mark.parametrize("query", NO_WORD)
@pytest.mark.parametrize(
    ("lang", "says"),
    [
        ("en", "There is no word in “{}”: enter a word or a name to search for."),
        ("zh-hans", "“{}”中没有可搜索的词语：请输入要查找的词语或名称。"),
    ],
)
def test_punctuation_alone_asks_for_a_word_without_searching(
    client, content, query, lang, says, django_assert_max_num_queries
):
    from django.utils.html import escape

    client.get(f"/{lang}/")  # the site details and the like, loaded once per process
    # No search at all: at most what every page reads (the site details), never a LIKE over the texts.
    with django_assert_max_num_queries(2) as captured:
        response = client.get(f"/{lang}/search/", {"q": query})
    assert not [q["sql"] for q in captured.captured_queries if "LIKE" in q["sql"] or "search" in q["sql"]]
    assert response.status_code == 200
    html = response.content.decode()
    assert says.format(escape(query)) in html
    assert results(html) == []
    assert 'class="search-examples"' in html  # with queries that find something


def test_a_word_among_punctuation_is_searched(client, content):
    # The lone % is dropped, Nichicon is searched.
    html = client.get("/en/search/", {"q": "% Nichicon …"}).content.decode()
    assert "enter a word" not in html
    assert "Suzhou, Suqian strengthen cooperation for shared development" in results(html)
