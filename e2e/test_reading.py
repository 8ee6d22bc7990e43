"""A visitor's path through the portal, in a real browser."""

import re

from .conftest import ARTICLE, PARK


def open_menu(page):
    """On a phone the header's tools are under the Menu button (a <details>)."""
    button = page.locator(".menu-button")
    if button.is_visible() and page.locator(".site-menu[open]").count() == 0:
        button.click()


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

    open_menu(page)
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

    open_menu(page)
    tool = page.get_by_role("group", name="文字大小")
    for _ in range(5):
        smaller = tool.get_by_role("button", name="缩小文字")
        if smaller.is_disabled():
            break
        smaller.click()
    assert body_px() < before
    assert smaller.is_disabled()
    assert tab.errors == []


def test_printed_article_and_park_page_keep_the_text_and_show_where_links_go(new_tab):
    tab = new_tab(width=1280)
    page = tab.page
    page.emulate_media(media="print")
    for path in (f"/en/news/{ARTICLE}/", f"/zh-hans/parks/{PARK}/"):
        tab.goto(path)
        for tool in (".site-nav", ".site-search", "[data-text-size-tool]", ".lang-switch", ".reader-links"):
            assert not page.locator(tool).first.is_visible(), f"{path}: {tool} printed"
        assert page.locator("h1").is_visible()
        assert page.locator(".prose").first.is_visible()
        # The article's source link (and any other address off this site) is printed after the link.
        for link in page.locator("main a[href^='http']").all():
            shown = link.evaluate("a => getComputedStyle(a, '::after').content")
            assert link.get_attribute("href") in shown
    assert not page.locator(".park-inquiry").is_visible()
    # The park page cites its sources with their addresses, so the check above was not empty.
    assert page.locator("main a[href^='http']").count() >= 1
    assert page.locator("main figure").first.evaluate("f => getComputedStyle(f).breakInside") == "avoid"


def test_chinese_text_has_more_leading_and_strict_line_breaks(new_tab):
    tab = new_tab(width=390)
    page = tab.page
    style = (
        "p => { const s = getComputedStyle(p);"
        " return [parseFloat(s.lineHeight) / parseFloat(s.fontSize), s.lineBreak]; }"
    )
    tab.goto(f"/zh-hans/news/{ARTICLE}/")
    zh_ratio, zh_break = page.locator(".prose p").first.evaluate(style)
    tab.goto(f"/en/news/{ARTICLE}/")
    en_ratio, _ = page.locator(".prose p").first.evaluate(style)
    assert zh_ratio >= 1.75 > en_ratio
    assert zh_break == "strict"  # no line starts with 。，、」 and the like


def test_largest_text_size_keeps_every_page_within_a_small_phone(new_tab):
    tab = new_tab(width=360)
    page = tab.page
    tab.goto("/zh-hans/")
    open_menu(page)
    larger = page.get_by_role("button", name="放大文字")
    while not larger.is_disabled():
        larger.click()
    for path in ("/zh-hans/", f"/zh-hans/parks/{PARK}/", "/en/figures/", f"/en/news/{ARTICLE}/side-by-side/"):
        tab.goto(path)
        assert page.evaluate("document.documentElement.dataset.textSize") == "4"
        width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert width[0] <= width[1], f"{path} scrolls sideways at the largest text size: {width}"
    assert tab.errors == []


def test_keyboard_reaches_the_content_through_the_skip_link(new_tab):
    tab = new_tab(width=1280)
    page = tab.page
    tab.goto("/zh-hans/parks/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert skip.is_visible() and skip.inner_text() == "跳到主要内容"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    # The next Tab goes to the first link of the content, past the navigation.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"  # focus is visible
