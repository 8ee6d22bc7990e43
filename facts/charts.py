"""A horizontal bar chart of key figures in one unit, computed here and drawn as
inline SVG by ``templates/includes/bar_chart.html`` (the same figures are also
given as a table beside it, which is what screen readers and printouts use).

Each row is a label on its own line above its bar, so long labels in either
language fit without wrapping. The axis runs from 0 to a round number just
above the largest value, with 4–6 gridlines.
"""

import math
from dataclasses import dataclass
from decimal import Decimal

from facts import formatting

WIDTH = 640
LEFT = 16  # half a tick label, so that "0%" is not cut off
RIGHT = 90  # room for the value written after the longest bar
ROW = 64
BAR = 24
TOP = 8
AXIS = 28  # room for the tick labels under the bars


def _n(value):
    return f"{value:.1f}"


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
    label_y: str
    bar_y: str
    width: str
    value_x: str
    value_y: str


@dataclass
class Tick:
    x: str
    label: str


@dataclass
class BarChart:
    figures: list
    bars: list[Bar]
    ticks: list[Tick]
    left: int
    width: int
    height: int
    bar_height: int
    axis_y1: str
    axis_y2: str
    tick_label_y: str


def bar_chart(figures):
    """Bars for ``figures`` (KeyFigures sharing one unit), in their order."""
    figures = list(figures)
    unit = figures[0].unit if figures else "count"
    axis_max, step = nice_axis(max((figure.value for figure in figures), default=0))
    plot_width = WIDTH - LEFT - RIGHT
    bars = []
    for row, figure in enumerate(figures):
        top = TOP + row * ROW
        length = float(figure.value) / axis_max * plot_width
        bars.append(
            Bar(
                figure=figure,
                label_y=_n(top + 16),
                bar_y=_n(top + 24),
                width=_n(max(length, 1)),
                value_x=_n(LEFT + length + 6),
                value_y=_n(top + 24 + BAR / 2 + 5),
            )
        )
    bottom = TOP + len(figures) * ROW
    ticks = []
    count = round(axis_max / step)
    for i in range(count + 1):
        value = Decimal(str(round(i * step, 10)))
        ticks.append(Tick(x=_n(LEFT + i * step / axis_max * plot_width), label=formatting.format_amount(value, unit)))
    return BarChart(
        figures=figures,
        bars=bars,
        ticks=ticks,
        left=LEFT,
        width=WIDTH,
        height=bottom + AXIS,
        bar_height=BAR,
        axis_y1=_n(TOP),
        axis_y2=_n(bottom),
        tick_label_y=_n(bottom + 18),
    )
