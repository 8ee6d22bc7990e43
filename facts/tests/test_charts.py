"""The shares bar chart: proportional bars, a round axis, labels in the page's
language, and the same data as a table."""

import re
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.utils import translation

from facts import charts


@pytest.mark.parametrize(
    ("largest", "axis_max", "step"),
    [(9.7, 10, 2), (0.82, 1, 0.2), (45, 50, 10), (100, 100, 20), (219.8, 250, 50), (1, 1, 0.2), (0, 1.0, 0.2)],
)
def test_axis_is_a_round_number_just_above_the_largest_value(largest, axis_max, step):
    assert charts.nice_axis(largest) == pytest.approx((axis_max, step))


def figure(value, label="x"):
    return SimpleNamespace(value=Decimal(value), unit="percent", qualifier="", label=label)


def test_bars_are_proportional_to_the_values():
    with translation.override("en"):
        chart = charts.bar_chart([figure("0.82"), figure("9"), figure("9.7")])
    widths = [float(bar.width) for bar in chart.bars]
    assert widths[1] / widths[0] == pytest.approx(9 / 0.82, rel=0.01)
    assert widths[2] / widths[1] == pytest.approx(9.7 / 9, rel=0.01)
    assert [tick.label for tick in chart.ticks] == ["0%", "2%", "4%", "6%", "8%", "10%"]
    # Widths are percent of the axis: 9.7 on a 0-10 axis is 97% of the row, the last tick at 100%.
    assert widths[2] == pytest.approx(97) and float(chart.ticks[-1].x) == 100


@pytest.mark.parametrize(
    ("url", "texts"),
    [
        ("/en/", ["Joint parks&#x27; share of Suqian&#x27;s land", ">0.82%</span>", ">9%</span>", ">9.7%</span>"]),
        (
            "/zh-hans/",
            [
                "共建园区占宿迁土地面积比重",
                "共建园区占宿迁工业开票销售收入比重",
                "共建园区占宿迁工业增加值比重",
                ">9.7%</span>",
            ],
        ),
        ("/en/figures/", [">0.82%</span>", ">9.7%</span>"]),
    ],
)
def test_chart_is_labelled_in_the_page_language_with_its_data_table(client, content, url, texts):
    """Labels and values are text (they keep their size on a phone); the bars are SVG."""
    html = client.get(url).content.decode()
    chart = re.search(r'<figure class="chart".*?</figure>', html, re.S).group(0)
    bars = re.search(r'<ol class="bar-chart">.*?</ol>', chart, re.S).group(0)
    for text in texts:
        assert text in bars, text
    assert len(re.findall(r"<rect ", bars)) == 3
    table = re.search(r"<table.*?</table>", chart, re.S).group(0)
    assert len(re.findall(r'<td class="num"', table)) == 3
    assert 'href="/' in table  # each row cites its source
