"""Easy reading (issue 27, point 6) as the server sees it: not at all. The mode lives in the browser
(localStorage and a class on <html>), so every visitor gets the same HTML and the page cache stays
shared. The browser side is measured in e2e/test_easy_reading.py."""

import re

import pytest
from django.conf import settings
from django.test import Client

PAGES = ["", "parks/ssip/", "news/suzhou-suqian-strengthen-cooperation-2023/"]


@pytest.mark.parametrize("lang", [code for code, _name in settings.LANGUAGES])
def test_every_page_has_the_switch_and_sets_the_mode_before_the_body(content, lang):
    for path in PAGES:
        html = Client().get(f"/{lang}/{path}").content.decode()
        assert html.count('id="easy-reading"') == 1, path
        head = html.split("<body", 1)[0]
        # The early script is in <head>, blocking on purpose (no defer/async), after the stylesheet.
        tag = re.search(r'<script src="/static/js/easy-reading-early\.js"([^>]*)>', head)
        assert tag and "defer" not in tag.group(1) and "async" not in tag.group(1), path
        assert head.index("css/site.css") < tag.start()
        assert "data-read-aloud" in html


@pytest.mark.parametrize("lang", [code for code, _name in settings.LANGUAGES])
def test_the_html_is_the_same_whatever_the_visitor_sent(content, lang):
    """Even a visitor whose browser sent something that looks like the mode gets the shared page."""
    for path in PAGES:
        plain = Client().get(f"/{lang}/{path}")
        other = Client(headers={"cookie": "coop-portal-easy-reading=on; easy_reading=1"}).get(f"/{lang}/{path}")
        assert plain.content == other.content, path
        assert "Set-Cookie" not in other.headers
