"""Every page type, in both languages, at phone and desktop widths: accessible (axe-core finds no
violation), no horizontal scrolling from 360 to 1440 px, no console error, no request to another host."""

import json
from urllib.parse import urlsplit

import pytest

from .conftest import AXE_JS, LANGS, PAGE_TYPES

AXE_WIDTHS = (390, 1280)
LAYOUT_WIDTHS = (360, 390, 1280, 1440)
# WCAG 2.1 A and AA rules, plus axe's best practices (one h1, landmarks, headings in order, ...).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def run_axe(page):
    """Run axe-core in the page. evaluate() is not subject to the page's Content-Security-Policy,
    which (rightly) refuses an injected <script>."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    result = page.evaluate(
        "async (tags) => { const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}});"
        " return r.violations.map(v => ({id: v.id, help: v.help, nodes: v.nodes.map(n => n.target.join(' '))}));"
        " }",
        AXE_TAGS,
    )
    return result


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_type_is_accessible_fits_the_screen_and_stays_on_this_host(new_tab, lang):
    if not AXE_JS.exists():
        pytest.fail(f"{AXE_JS} missing: run `npm ci` (make browser-deps)")
    problems = {}
    for width in LAYOUT_WIDTHS:
        tab = new_tab(width=width, height=900)
        page = tab.page
        for name, path in PAGE_TYPES.items():
            response = tab.goto(f"/{lang}/{path}")
            expected = 404 if name == "not-found" else 200
            assert response.status == expected, f"{name}: HTTP {response.status}"
            assert page.locator("html").get_attribute("lang") == LANGS[lang]
            where = f"{name} {lang} {width}px"
            scroll = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            if scroll[0] > scroll[1]:
                problems[f"{where}: horizontal scroll"] = scroll
            if width in AXE_WIDTHS:
                violations = run_axe(page)
                if violations:
                    problems[f"{where}: axe"] = violations
        foreign = {url for url in tab.requests if urlsplit(url).netloc != urlsplit(tab.base_url).netloc}
        assert foreign == set(), f"requests to other hosts at {width}px: {foreign}"
        # The 404 page logs its own status as a console error ("Failed to load resource"): expected.
        errors = [error for error in tab.errors if "404" not in error]
        assert errors == [], f"console errors at {width}px: {errors}"
    assert problems == {}, "\n".join(
        f"{where}: {json.dumps(found, ensure_ascii=False)}" for where, found in problems.items()
    )
