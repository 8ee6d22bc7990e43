"""A horizontal bar chart of key figures in one unit, computed here and drawn by
``templates/includes/bar_chart.html`` (the same figures are also given as a table beside
it, which is what printouts use).

The chart is HTML: each row is the figure's label and value as text, above a bar drawn
as a one-rectangle SVG stretched to the row's width. Text therefore wraps and keeps its
size on any screen (a whole-chart SVG scaled down to a phone shrank it to 7 px), and the
bars need no inline style (Content-Security-Policy). The axis runs from 0 to a round
number just above the largest value, with 4–6 gridlines.
"""

import math
from dataclasses import dataclass
from decimal import Decimal

from facts import formatting


def _n(value):
    """SVG coordinates as plain strings: a float in a template would be
    localized (and could gain a decimal comma in some languages)."""
    return f"{value:.2f}"


def nice_axis(largest):
    """(axis maximum, step): the smallest "round" scale (steps of 1, 2, 2.5 or
    5 × 10ⁿ, at most 6 of them) that holds ``largest``."""
    largest = float(largest)
    if largest <= 0:
        return 1.0, 0.2
    magnitude = 10 ** math.floor(math.log10(largest / 6))
    for multiple in (1, 2, 2.5, 5, 10):
        step = multiple * magnitude
        steps = math.ceil(largest / step - 1e-9)
        if steps <= 6:
            return steps * step, step
    return largest, largest  # not reached: 10 × magnitude always fits


@dataclass
class Bar:
    figure: object
    width: str  # percent of the axis, as an SVG coordinate (the bar's viewBox is 100 wide)


@dataclass
class Tick:
    x: str  # percent of the axis
    label: str


@dataclass
class BarChart:
    figures: list
    bars: list[Bar]
    ticks: list[Tick]


def bar_chart(figures):
    """Bars for ``figures`` (KeyFigures sharing one unit), in their order."""
    figures = list(figures)
    unit = figures[0].unit if figures else "count"
    axis_max, step = nice_axis(max((figure.value for figure in figures), default=0))
    bars = [Bar(figure=figure, width=_n(max(float(figure.value) / axis_max * 100, 0.5))) for figure in figures]
    ticks = []
    count = round(axis_max / step)
    for i in range(count + 1):
        value = Decimal(str(round(i * step, 10)))
        ticks.append(Tick(x=_n(i * step / axis_max * 100), label=formatting.format_amount(value, unit)))
    return BarChart(figures=figures, bars=bars, ticks=ticks)
