"""The weight budget of every page type (issue 7, point 3), measured as a visitor's browser would get it:
the HTML and each stylesheet and script it loads, gzip-compressed (level 6, what nginx and most servers
use; brotli would be smaller). Images are outside the budget. No browser needed: the test client fetches
the page and, through WhiteNoise, its static files."""

import gzip
import re
from html.parser import HTMLParser

import pytest

from .conftest import LANGS, PAGE_TYPES

CSS_JS_BUDGET = 30 * 1024
PAGE_BUDGET = 60 * 1024
# The one script allowed to block rendering: it must set the easy-reading class on <html> before the
# first paint (issue 27), and it is kept tiny.
EARLY_SCRIPT = "/static/js/easy-reading-early.js"
EARLY_SCRIPT_MAX = 1024  # bytes, uncompressed


class Assets(HTMLParser):
    """Stylesheets and scripts a page loads, and whether any script blocks rendering."""

    def __init__(self):
        super().__init__()
        self.urls = []
        self.blocking = []
        self.inline_scripts = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and "stylesheet" in (attrs.get("rel") or "").split():
            self.urls.append(attrs["href"])
        elif tag == "script":
            if attrs.get("src"):
                self.urls.append(attrs["src"])
                if "defer" not in attrs and "async" not in attrs and attrs.get("type") != "module":
                    self.blocking.append(attrs["src"])
            elif attrs.get("type") != "application/ld+json":
                self.inline_scripts += 1


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", PAGE_TYPES)
def test_page_weight_is_within_budget_and_nothing_blocks_rendering(client, content, name, lang):
    response = client.get(f"/{lang}/{PAGE_TYPES[name]}")
    assert response.status_code == (404 if name == "not-found" else 200)
    html = response.content
    assets = Assets()
    assets.feed(html.decode())
    assert assets.blocking == [EARLY_SCRIPT], "render-blocking scripts"
    assert len(body(client.get(EARLY_SCRIPT))) <= EARLY_SCRIPT_MAX, "the early script grew"
    assert assets.inline_scripts == 0, "inline scripts (the CSP forbids them anyway)"
    assert assets.urls, "the page loads its stylesheet"
    css_js = 0
    for url in assets.urls:
        assert re.match(r"^/static/", url), f"{url}: every asset comes from this host's /static/"
        asset = client.get(url)
        assert asset.status_code == 200, url
        css_js += gzipped(body(asset))
    total = gzipped(html) + css_js
    assert css_js <= CSS_JS_BUDGET, f"CSS+JS {css_js} bytes compressed"
    assert total <= PAGE_BUDGET, f"HTML+CSS+JS {total} bytes compressed"


def test_budget_counts_what_it_should(client, content):
    """Guard the measure itself: the stylesheet is counted, and it is not empty."""
    assert gzipped(body(client.get("/static/css/site.css"))) > 2000


def test_favicon_ico_leads_to_the_site_icon(client):
    """Browsers request /favicon.ico on their own; a 404 there is a console error in every audit."""
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == "/static/favicon.svg"
    assert client.get(response["Location"]).status_code == 200
