"""What a visitor on a phone (390 px) or a desktop (1280 px) sees, measured in the browser in
both languages (e2e/measure.js): table cells that never break a word, number or date; no
Chinese line that starts with closing punctuation; Chinese quotation marks drawn by a Chinese
font; chart and map text of 12 px or more; a one-row header. Then the language choice, which
"/" remembers and which keeps a half-filled form."""

import re
from pathlib import Path

from .conftest import ARTICLE, PARK

MEASURE = (Path(__file__).parent / "measure.js").read_text()
PAGES = ["", f"parks/{PARK}/", "figures/", f"news/{ARTICLE}/"]
CJK_FONT = re.compile(r"CJK|Han Sans|Han Serif|PingFang|YaHei|Hiragino|WenQuanYi|Hei|Song", re.I)


def fonts_of_quoted_text(page, count):
    """The families the browser drew each marked element's own text with (DevTools protocol)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    families = []
    for i in range(count):
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": f'[data-quote-check="{i}"]'})["nodeId"]
        fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
        families.append({font["familyName"] for font in fonts})
    cdp.detach()
    return families


def test_phone_and_desktop_in_both_languages(new_tab):
    measured = {}
    # 1024: a tablet or small laptop, where English's one-row header once overflowed sideways.
    for width in (390, 1024, 1280):
        tab = new_tab(width=width, height=844 if width == 390 else 800)
        for lang in ("en", "zh-hans"):
            for path in PAGES:
                tab.goto(f"/{lang}/{path}", wait_until="networkidle")
                result = tab.page.evaluate(MEASURE)
                where = f"{width}px /{lang}/{path}"
                assert result["problems"] == [], where
                assert result["headerHeight"] <= 64, where  # one short row (it was 213 px on a phone)
                assert result["menuButtonShown"] == (width < 1280), where
                for families in fonts_of_quoted_text(tab.page, result["quoted"]):
                    assert families and all(CJK_FONT.search(f) for f in families), (where, families)
                measured[(width, lang, path)] = result
        assert tab.errors == []
    # The measurements did look at something: tables, the chart and the map, quoted Chinese.
    assert measured[(390, "en", "figures/")]["tableCells"] >= 30
    assert measured[(390, "zh-hans", "")]["chartAndMapTexts"] >= 20
    assert sum(r["quoted"] for (w, lang, _), r in measured.items() if lang == "zh-hans" and w == 390) >= 1


def test_phone_menu_opens_and_lists_every_section(new_tab):
    tab = new_tab(width=390)
    page = tab.page
    tab.goto("/zh-hans/")
    nav = page.get_by_role("navigation", name="主导航")
    assert not nav.is_visible()
    page.locator(".menu-button").click()
    assert nav.is_visible()
    assert nav.get_by_role("link").count() == 8  # with Documents (issue 26)


def test_language_choice_is_remembered_and_keeps_a_half_filled_form(new_tab):
    tab = new_tab(width=1280, height=800)
    page = tab.page
    tab.goto(f"/en/parks/{PARK}/")
    page.fill("#id_name", "Anna Schmidt")
    page.fill("#id_message", "We would like to rent a standard workshop.")
    page.locator(".lang-switch a[hreflang='zh-Hans']").click()
    page.wait_for_url(f"**/zh-hans/parks/{PARK}/")
    # The same form in Chinese, with what was typed.
    assert page.input_value("#id_name") == "Anna Schmidt"
    assert page.input_value("#id_message") == "We would like to rent a standard workshop."
    # "/" now leads to the Chinese site, whatever the browser's languages say.
    tab.goto("/")
    assert page.url.endswith("/zh-hans/")
    assert tab.errors == []
