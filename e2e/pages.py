"""The page types of the portal, one URL each (without the language prefix). Shared by the browser
tests and scripts/screenshots.py, so both cover the same pages. No Django import here."""

import os

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Without the background-networking flags chromium keeps calling Google services.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


ARTICLE = "suzhou-suqian-strengthen-cooperation-2023"
PARK = "ssip"
# One URL (without the language prefix) per page type.
PAGE_TYPES = {
    "home": "",
    "park-list": "parks/",
    "park-detail": f"parks/{PARK}/",
    "park-side-by-side": f"parks/{PARK}/side-by-side/",
    "news-list": "news/",
    "article-detail": f"news/{ARTICLE}/",
    "article-side-by-side": f"news/{ARTICLE}/side-by-side/",
    "document-list": "documents/",
    "document-detail": "documents/key-figures/",
    "enterprise-list": "enterprises/",
    "enterprise-detail": "enterprises/nichicon-suqian/",
    "figures": "figures/",
    "timeline": "timeline/",
    "sources": "sources/",
    "source-detail": "sources/ourjiangsu-2023-10-11/",
    "search": "search/?q=Suqian",
    "contact": "contact/",
    "about": "about/",
    "site-map": "about/site-map/",
    "accessibility": "about/accessibility/",
    "not-found": "parks/no-such-park/",
}
# Every page language (settings.LANGUAGES) with its <html lang>; zh-hant is converted from zh-hans.
LANGS = {"en": "en", "zh-hans": "zh-Hans", "zh-hant": "zh-Hant"}


def admin_page(browser, base, lang, username=None, password=None):
    """A new browser context reading ``lang`` (Accept-Language), signed in to the admin as
    ``username`` when given; ``page.errors`` collects the page's JavaScript errors."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, extra_http_headers={"Accept-Language": lang})
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    if username:
        page.goto(f"{base}/admin/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", password)
        page.click("input[type=submit]")
        page.wait_for_url(f"{base}/admin/")
    return page
