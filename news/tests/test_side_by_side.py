"""Side-by-side reading of an article and of a park description."""

import re

import pytest

from news.models import Article
from news.tests.factories import ArticleFactory

SEED = "suzhou-suqian-strengthen-cooperation-2023"


@pytest.mark.parametrize("lang", ["en", "zh-hans"])
def test_article_reads_side_by_side_paragraph_by_paragraph(client, content, lang):
    article = Article.objects.get(slug=SEED)
    page = client.get(f"/{lang}/news/{SEED}/")
    assert f'href="/{lang}/news/{SEED}/side-by-side/"' in page.content.decode()
    html = client.get(f"/{lang}/news/{SEED}/side-by-side/").content.decode()
    rows = re.findall(
        r'<div class="parallel-row">\s*<div lang="en">(.*?)</div>\s*<div lang="zh-Hans">(.*?)</div>', html, re.S
    )
    assert len(rows) == article.body_en.count("<p>") == 10
    assert "Nichicon (Electronics) Suqian Co., Ltd." in rows[4][0]
    assert "尼吉康电子（宿迁）有限公司" in rows[4][1]


@pytest.mark.parametrize("lang", ["en", "zh-hans"])
def test_park_description_reads_side_by_side(client, content, lang):
    html = client.get(f"/{lang}/parks/ssip/side-by-side/").content.decode()
    assert 'lang="en"><p>The agreement to build the park' in html
    assert (
        'lang="zh-Hans"><p><time datetime="2006-11-01">2006年11月1日</time>' in html
    )  # one line (core.i18n.line_breaks)


def test_side_by_side_follows_the_public_rule(client, db):
    draft = ArticleFactory(status=Article.Status.DRAFT)
    assert client.get(f"/en/news/{draft.slug}/side-by-side/").status_code == 404
    assert client.get("/en/parks/no-such-park/side-by-side/").status_code == 404
