"""Dates and amounts are read as one word (issue 27, point 8): "2007年3月28日" on the SSIP page at
390 px and "2023年10月9日" on the home and SSIP pages at 1280 px were split across two lines. Measured
in the browser (e2e/line_breaks.js): every <time> and <data> element is exactly one line box, a date or
a number with its unit anywhere in the visible text is never split, a Chinese date is a <time>, and
no line starts with the separator "·"."""

from pathlib import Path

import pytest

from .conftest import LANGS, PARK

MEASURE = (Path(__file__).parent / "line_breaks.js").read_text()
PAGES = ["", f"parks/{PARK}/"]


@pytest.mark.parametrize("width", [390, 1280])
def test_dates_amounts_and_separators_keep_together(new_tab, width):
    tab = new_tab(width=width, height=844 if width == 390 else 800)
    for lang in LANGS:
        for path in PAGES:
            tab.goto(f"/{lang}/{path}", wait_until="networkidle")
            result = tab.page.evaluate(MEASURE)
            where = f"{width}px /{lang}/{path}"
            assert result["problems"] == [], where
            # It measured something: the dates of the news and timeline, the figures, the separators.
            assert result["elements"] >= 10 and result["dates"] >= 5 and result["separators"] >= 3, (where, result)
            assert result["amounts"] >= 3, (where, result)
            if lang == "zh-hans":
                assert "2023年10月9日" in result["texts"], where
                if path:
                    assert "2007年3月28日" in result["texts"], where
    assert tab.errors == []
