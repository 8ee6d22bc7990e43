"""Lists and labels in each language's punctuation (no browser needed)."""

import re

from .conftest import ARTICLE


def test_park_names_in_a_chinese_list_are_separated_by_the_enumeration_comma(client, content):
    html = client.get("/zh-hans/news/").content.decode()
    # The seed article's teaser: it names all six parks (the newest article names one).
    teasers = re.findall(r'<article class="teaser">.*?</article>', html, re.S)
    teaser = next(teaser for teaser in teasers if f"/news/{ARTICLE}/" in teaser)
    meta = re.search(r'<p class="meta">(.*?)</p>', teaser, re.S).group(1)
    assert meta.count("</a>、<a") >= 1
    assert ", " not in meta

    english = client.get("/en/news/").content.decode()
    assert "</a>, <a" in english


def test_labels_take_a_full_width_colon_in_chinese(client, content):
    html = client.get(f"/zh-hans/news/{ARTICLE}/").content.decode()
    assert "来源：" in html
    assert "Source: " in client.get(f"/en/news/{ARTICLE}/").content.decode()
