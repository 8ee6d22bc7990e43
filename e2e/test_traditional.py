"""Traditional Chinese in a real browser (issue 27, points 1 and 9): the switch to 繁體 and back keeps
the visitor on the same page, and "/" returns to the language last read."""

import re

from .conftest import PARK


def switch_to(page, tag):
    page.locator(f".lang-switch a[hreflang='{tag}']").click()


def test_switch_to_traditional_and_back_keeps_the_same_page(new_tab):
    tab = new_tab()
    page = tab.page
    tab.goto(f"/zh-hans/parks/{PARK}/")
    assert page.locator("h1").inner_text() == "苏州宿迁工业园区"
    # The switch offers the two other languages; the one being read is marked for screen readers.
    switch = page.locator(".lang-switch")
    assert [a.inner_text() for a in switch.locator("a").all() if a.is_visible()] == ["English", "繁體"]
    assert switch.locator("[aria-current]").inner_text() == "简体"
    assert switch.locator("li:has([aria-current])").bounding_box()["width"] <= 1

    switch_to(page, "zh-Hant")
    page.wait_for_url(f"**/zh-hant/parks/{PARK}/")
    assert page.locator("html").get_attribute("lang") == "zh-Hant"
    assert page.locator("h1").inner_text() == "蘇州宿遷工業園區"
    # The switch still names 简体 in Simplified, and marks the language being read.
    assert page.locator(".lang-switch a[hreflang='zh-Hans']").inner_text() == "简体"
    assert page.locator(".lang-switch [aria-current]").inner_text() == "繁體"
    # Links lead on within Traditional.
    page.locator("main a[href^='/zh-hant/news/']").first.click()
    page.wait_for_url(re.compile(r"/zh-hant/news/[^/]+/$"))
    article = page.url.split("/zh-hant/")[1]
    assert page.locator("html").get_attribute("lang") == "zh-Hant"

    switch_to(page, "zh-Hans")
    page.wait_for_url(f"**/zh-hans/{article}")
    assert page.locator("html").get_attribute("lang") == "zh-Hans"
    switch_to(page, "en")
    page.wait_for_url(f"**/en/{article}")
    switch_to(page, "zh-Hant")
    page.wait_for_url(f"**/zh-hant/{article}")
    assert tab.errors == []


def test_root_returns_to_the_language_last_read_not_only_last_chosen(new_tab):
    tab = new_tab(locale="en-GB", extra_http_headers={"Accept-Language": "en-GB,en;q=0.9"})
    page = tab.page
    tab.goto("/")
    page.wait_for_url("**/en/")
    # A link from elsewhere (a search engine) straight to a Traditional page, no switch clicked.
    response = tab.goto("/zh-hant/news/")
    assert "set-cookie" not in response.all_headers()  # the page stays cacheable
    tab.goto("/")
    page.wait_for_url("**/zh-hant/")
    # Then a Simplified page read: "/" follows.
    tab.goto(f"/zh-hans/parks/{PARK}/")
    tab.goto("/")
    page.wait_for_url("**/zh-hans/")
    assert tab.errors == []
