"""A visitor's path through the portal, in a real browser."""

import re

from .conftest import ARTICLE, PARK


def test_read_an_article_in_chinese_and_switch_back_to_english(new_tab):
    tab = new_tab()
    page = tab.page
    tab.goto("/en/")
    assert page.locator("html").get_attribute("lang") == "en"

    page.locator(".lang-switch a[hreflang='zh-Hans']").click()
    page.wait_for_url(re.compile(r"/zh-hans/$"))
    assert page.locator("html").get_attribute("lang") == "zh-Hans"
    assert "苏州" in page.locator("h1").inner_text()

    # Follow a park from the home page's park list.
    page.locator(f"main a[href='/zh-hans/parks/{PARK}/']").first.click()
    page.wait_for_url(f"**/zh-hans/parks/{PARK}/")
    assert page.locator("h1").inner_text() == "苏州宿迁工业园区"

    # The park page lists the news about it: read the article.
    page.locator(f"main a[href='/zh-hans/news/{ARTICLE}/']").first.click()
    page.wait_for_url(f"**/zh-hans/news/{ARTICLE}/")
    chinese_title = page.locator("h1").inner_text()
    assert re.search(r"[\u4e00-\u9fff]", chinese_title)

    # Back to English: the same article, not the home page.
    page.locator(".lang-switch a[hreflang='en']").click()
    page.wait_for_url(f"**/en/news/{ARTICLE}/")
    assert page.locator("html").get_attribute("lang") == "en"
    english_title = page.locator("h1").inner_text()
    assert english_title != chinese_title
    assert "Suzhou" in english_title

    assert tab.errors == []


def test_text_size_tool_changes_the_text_and_is_remembered_across_pages(new_tab):
    tab = new_tab(width=390)
    page = tab.page
    tab.goto("/en/news/")

    def body_px():
        return page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")

    tool = page.get_by_role("group", name="Text size")
    assert tool.is_visible()
    before = body_px()
    tool.get_by_role("button", name="Larger text").click()
    tool.get_by_role("button", name="Larger text").click()
    larger = body_px()
    assert larger > before * 1.2

    # Another page, then the Chinese version: the size stays.
    page.locator(f"main a[href='/en/news/{ARTICLE}/']").first.click()
    page.wait_for_url(f"**/en/news/{ARTICLE}/")
    assert body_px() == larger
    page.locator(".lang-switch a[hreflang='zh-Hans']").click()
    page.wait_for_url(f"**/zh-hans/news/{ARTICLE}/")
    assert body_px() == larger
    # Larger text does not break the layout on a phone.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    tool = page.get_by_role("group", name="文字大小")
    for _ in range(5):
        smaller = tool.get_by_role("button", name="缩小文字")
        if smaller.is_disabled():
            break
        smaller.click()
    assert body_px() < before
    assert smaller.is_disabled()
    assert tab.errors == []
