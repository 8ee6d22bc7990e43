"""Point 8: the 2024 item of content.md (E21) ships with its source; E22 and E23 (unverified) do not.
Point 9 is in test_freshness.py (the shipped content is stale: veto)."""

import re

from news.models import Article


def test_the_2024_kunshan_shuyang_item_is_the_newest_and_cites_its_source(client, content):
    newest = Article.objects.published().first()
    assert newest.slug == "2024-kunshan-shuyang-business-environment-case"
    assert newest.published_at.year == 2024 and newest.original_language == "zh-hans"
    for path in ("/zh-hans/news/", "/en/news/?park=kunshan-shuyang", "/en/parks/kunshan-shuyang/"):
        assert newest.get_absolute_url().split("/", 2)[2] in client.get(path).content.decode(), path
    html = client.get("/en/news/2024-kunshan-shuyang-business-environment-case/").content.decode()
    sources = re.search(r'<section aria-labelledby="article-sources-heading".*?</section>', html, re.S).group(0)
    assert 'href="https://www.163.com/dy/article/JC0JNO4C0550A69G.html"' in sources
    assert "This is our translation" in html  # written in Chinese, from a Chinese source


def test_unverified_events_are_not_published(content):
    # E22 (an aggregator's report of national titles) and E23 (a secondary summary) stay out.
    for text in ("2025区域协调发展示范园区", "0.16%", "营商环境创新示范产业园区"):
        assert not Article.objects.filter(body_zh_hans__contains=text).exists(), text
