"""Figures, timeline and sources pages as a visitor sees them, in both languages."""

import re

import pytest

from enterprises.tests.factories import EnterpriseFactory
from facts.models import KeyFigure, Source
from facts.tests.factories import KeyFigureFactory, MilestoneFactory, SourceFactory
from news.tests.factories import ArticleFactory
from parks.models import Park

PAGES = ["/figures/", "/timeline/", "/sources/", "/sources/ourjiangsu-2023-10-11/"]


def block(html, pattern):
    match = re.search(pattern, html, re.S)
    assert match, pattern
    return match.group(0)


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize(("prefix", "lang"), [("/en", "en"), ("/zh-hans", "zh-Hans")])
def test_pages_answer_in_their_language_with_a_switch(client, content, path, prefix, lang):
    response = client.get(prefix + path)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    other = "/zh-hans" if prefix == "/en" else "/en"
    switch = block(html, r'<nav class="lang-switch".*?</nav>')
    assert f'href="{other}{path}"' in switch


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "/en/figures/",
            ["<h1>Key figures</h1>", "219.8 billion yuan", "nearly 530,000 people", "9.7%", "over 300 people", "0.82%"],
        ),
        ("/zh-hans/figures/", ["<h1>关键数据</h1>", "2198亿元", "近53万人", "9.7%", "300余人", "0.82%", "80余亿元"]),
    ],
)
def test_figures_read_as_each_language_writes_them(client, content, url, expected):
    html = client.get(url).content.decode()
    for text in expected:
        assert text in html, text


@pytest.mark.parametrize("lang", ["en", "zh-hans"])
def test_every_figure_links_to_its_source(client, content, lang):
    html = client.get(f"/{lang}/figures/").content.decode()
    figures = list(KeyFigure.objects.select_related("source"))
    assert len(figures) > 12
    for figure in figures:
        row = block(html, rf'<tr id="figure-{re.escape(figure.slug)}">.*?</tr>')
        assert f'class="cite" href="/{lang}/sources/{figure.source.slug}/"' in row, figure.slug


def test_every_headline_figure_on_the_home_page_cites_its_source(client, content):
    html = client.get("/en/").content.decode()
    cards = re.findall(r'<li class="figure-card">.*?</li>', html, re.S)
    headline = list(KeyFigure.objects.headline())
    assert len(cards) == len(headline) >= 4
    for card, figure in zip(cards, headline, strict=True):
        # As read: the amount is wrapped so that no line splits it (core/i18n/line_breaks.py).
        assert figure.formatted in re.sub(r"<[^>]+>", "", card)
        assert f'href="/en/sources/{figure.source.slug}/"' in card
    assert "219.8 billion yuan" in html
    assert 'href="/en/figures/"' in html


def test_park_page_figures_cite_their_sources(client, content):
    html = client.get("/en/parks/ssip/").content.decode()
    table = block(html, r'<section aria-labelledby="park-figures-heading">.*?</section>')
    rows = re.findall(r"<tr>\s*<th scope=\"row\">.*?</tr>", table, re.S)
    assert len(rows) == KeyFigure.objects.filter(park__slug="ssip").count() >= 3
    assert all('class="cite" href="/en/sources/' in row for row in rows)


def test_source_page_shows_where_to_read_it_and_what_cites_it(client, content):
    html = client.get("/en/sources/suzhou-daily-2023-08-20/").content.decode()
    assert 'href="http://hangzhou.xjnnet.com/news/guonei/2023-08-20/15713.html"' in html
    assert "13 years" in html  # the SSIP streak figure cites it
    assert 'href="/en/parks/ssip/"' in html
    # The seed article has no known web address: left out, not invented, and no editor's note.
    seed = client.get("/zh-hans/sources/ourjiangsu-2023-10-11/").content.decode()
    facts = block(seed, r'<dl class="facts">.*?</dl>')
    assert "网址" not in facts and "未记录" not in seed
    assert "中国江苏网" in facts
    assert "2198亿元" in seed


def test_unknown_source_is_a_404(client, db):
    assert client.get("/en/sources/no-such-source/").status_code == 404


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "/en/timeline/",
            [
                "<h1>Timeline of the cooperation</h1>",
                "Suzhou and Suqian are paired",
                '<time datetime="2001">2001</time>',
                '<time datetime="2008-07">July 2008</time>',
                '<time datetime="2020-06-29">29 June 2020</time>',
                "Nichicon relocates",
            ],
        ),
        (
            "/zh-hans/timeline/",
            [
                "<h1>苏宿合作大事记</h1>",
                "苏州与宿迁结对合作",
                '<time datetime="2001">2001年</time>',
                '<time datetime="2008-07">2008年7月</time>',
                '<time datetime="2020-06-29">2020年6月29日</time>',
                "尼吉康从苏州工业园区迁至苏州宿迁工业园区",
            ],
        ),
    ],
)
def test_timeline_in_both_languages(client, content, url, expected):
    html = client.get(url).content.decode()
    for text in expected:
        assert text in html, text
    # Oldest first.
    assert html.index('id="2001-suzhou-suqian-paired"') < html.index('id="2023-10-11-twenty-two-years"')


def test_every_milestone_cites_its_source_and_none_shows_an_editors_note(client, content, db):
    html = client.get("/en/timeline/").content.decode()
    item = block(html, r'<li class="milestone" id="2006-11-01-ssip-agreement">.*?</li>')
    assert 'Source: <a class="cite" href="/en/sources/ssip-fifteen-events-2021/">' in item
    MilestoneFactory(slug="unsourced", source=None)
    item = block(client.get("/en/timeline/").content.decode(), r'<li class="milestone" id="unsourced">.*?</li>')
    assert "Source" not in item and "not recorded" not in item
    item = block(html, r'<li class="milestone" id="2011-nichicon-relocation">.*?</li>')
    assert 'href="/en/sources/ourjiangsu-2023-10-11/"' in item


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "/en/parks/ssip/",
            [
                "Provincial joint-park assessment",
                "2019: 1st of 45",
                "2016: 1st of 45, for the 8th year running",
                "Consecutive years ranked first in Jiangsu&#x27;s joint-park assessment",
                "13 years",
                'href="/en/sources/suzhou-daily-2023-08-20/"',
                "Nichicon (Electronics) Suqian Co., Ltd.",
                'href="/en/enterprises/?park=ssip"',
            ],
        ),
        (
            "/zh-hans/parks/ssip/",
            ["全省南北共建园区考核", "2019年：第1名（共45个园区）", "13年", "尼吉康电子（宿迁）有限公司", "可成科技"],
        ),
        ("/en/parks/zhangjiagang-suyu/", ["2019: 8th of 45", "2016: top 10 of 45", "217.5 million yuan"]),
        ("/zh-hans/parks/wuzhong-sucheng/", ["2019年：第6名（共45个园区）", "2018年：第6名", "2007年4月"]),
    ],
)
def test_park_page_shows_ranks_figures_and_enterprises(client, content, url, expected):
    html = client.get(url).content.decode()
    for text in expected:
        assert text in html, text


def test_park_facts_table_gives_rank_with_year_and_source(client, content):
    html = client.get("/en/parks/wujiang-siyang/").content.decode()
    facts = block(html, r'<dl class="facts">.*?</dl>')
    assert "2019: 3rd of 45" in facts
    assert 'href="/en/sources/suzhou-daily-2021-01-08/"' in facts


def many_facts(count):
    """``count`` more figures, milestones and enterprises, spread over the parks."""
    parks = list(Park.objects.all())
    source = SourceFactory()
    for i in range(count):
        park = parks[i % len(parks)]
        KeyFigureFactory(source=source, park=park if i % 2 else None, headline=i % 3 == 0)
        KeyFigureFactory(source=source, unit=KeyFigure.Unit.PERCENT, value="1.5")
        MilestoneFactory(source=source, park=park)
        EnterpriseFactory(park=park, sources=[source])
        ArticleFactory(parks=[park])


@pytest.mark.parametrize("count", [2, 30])
def test_pages_run_a_bounded_number_of_queries(client, content, count, django_assert_max_num_queries):
    many_facts(count)
    source = Source.objects.get(slug="ourjiangsu-2023-10-11")
    bounds = {
        "/en/": 6,  # parks, headline figures, chart figures, news and their parks, site details (footer)
        "/zh-hans/parks/ssip/": 12,  # park + 4 prefetches, enterprises, news + parks, documents, inquiry parks, footer
        "/en/figures/": 3,  # figures with their sources and parks; chart figures; site details (footer)
        "/zh-hans/timeline/": 2,  # milestones; site details (footer)
        "/en/sources/": 2,  # sources; site details (footer)
        source.get_absolute_url(): 7,  # the source, the five kinds of thing citing it, site details
        "/en/data/figures.csv": 1,
        "/en/data/figures.json": 1,
        "/en/data/parks.csv": 1,
    }
    for url, bound in bounds.items():
        with django_assert_max_num_queries(bound, info=url):
            assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("url", ["/en/", "/zh-hans/figures/", "/en/timeline/", "/en/sources/", "/en/enterprises/"])
def test_pages_work_before_any_content_is_loaded(client, db, url):
    response = client.get(url)
    assert response.status_code == 200
    assert 'class="bar-chart"' not in response.content.decode()  # no empty chart


@pytest.mark.parametrize("path", ["/", "/parks/ssip/", *PAGES, "/enterprises/", "/enterprises/nichicon-suqian/"])
def test_facts_pages_load_nothing_from_other_hosts(client, content, path):
    html = client.get("/zh-hans" + path).content.decode()
    loaded = re.findall(r'<(?:script|img|iframe|source|image|use)[^>]+(?:src|href)="([^"]+)"', html)
    loaded += re.findall(r'<link[^>]+rel="(?:stylesheet|preload|icon)"[^>]+href="([^"]+)"', html)
    assert all(url.startswith("/") and not url.startswith("//") for url in loaded), loaded
    # The map and the chart need no script: the only ones are the site-wide reader's tools (and easy
    # reading's early class-setter).
    scripts = [tag for tag in re.findall(r"<script\b[^>]*>", html) if "application/ld+json" not in tag]
    assert scripts == ['<script src="/static/js/easy-reading-early.js">', '<script src="/static/js/site.js" defer>']
