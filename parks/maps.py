"""A schematic map of the joint parks, computed here and drawn as inline SVG by
``templates/includes/park_map.html``: no tiles, no script, no other host, and no
administrative boundaries (a boundary map published in China needs official approval).

Each park is a numbered pin at the seat of its Suqian host county or district, joined by
a line to a hollow pin, with the same number, at its Suzhou partner; the legend beside the
map names the numbers. Pins carry numbers rather than names so that the map can be drawn
narrow: on a 390 px phone its text still renders at 13 px or more.

The projection is equirectangular, with east–west distances shrunk by cos(latitude) so
that a kilometre is about as long in both directions at this latitude (31–34° N) — good
enough for a schematic, not a survey. Pins that nearly coincide (three parks sit in
Sucheng and Suyu, a few kilometres apart) are pushed apart until they no longer overlap,
each keeping a short leader line to a dot at its true place.
"""

import math
from dataclasses import dataclass, field

WIDTH = 400
MARGIN = 48  # room left and right of the outermost points for the pins and city names
MAP_TOP = 44
MAP_BOTTOM_MARGIN = 56  # room for the scale bar
PIN_RADIUS = 13  # the number inside is 15 units: 13 px at the 358 px of a phone's column
PIN_GAP = 3  # between two pushed-apart pins
MIN_SPAN = 0.5  # degrees; keeps the scale finite when all points coincide
KM_PER_DEGREE_LAT = 111.32


def _n(value):
    """SVG coordinates as plain strings: a float in a template would be
    localized (and could gain a decimal comma in some languages)."""
    return f"{value:.1f}"


class _Placed:
    """Something drawn at (x, y), with its coordinates as SVG attribute strings."""

    @property
    def sx(self):
        return _n(self.x)

    @property
    def sy(self):
        return _n(self.y)


@dataclass
class Point(_Placed):
    """A true place (x, y), and where its pin is drawn (px, py) after decluttering."""

    lat: float
    lon: float
    x: float = 0.0
    y: float = 0.0
    px: float = 0.0
    py: float = 0.0

    @property
    def spx(self):
        return _n(self.px)

    @property
    def spy(self):
        return _n(self.py)

    @property
    def text_y(self):
        return _n(self.py + 5)  # baseline that centres a 15-unit digit in the pin

    @property
    def moved(self):
        return abs(self.px - self.x) > 0.5 or abs(self.py - self.y) > 0.5


@dataclass
class Pin:
    park: object
    number: int
    host: Point
    partner: Point | None = None
    current: bool = False


@dataclass
class ParkMap:
    pins: list[Pin]
    width: int = WIDTH
    height: int = 0
    scale_bar: dict = field(default_factory=dict)
    suqian_label: dict | None = None
    suzhou_label: dict | None = None

    @property
    def drawing_order(self):
        """Pins in the order to draw them: the current park last, so that it is
        on top where pins overlap (SVG has no z-index)."""
        return sorted(self.pins, key=lambda pin: pin.current)


def declutter(points, distance=2 * PIN_RADIUS + PIN_GAP, rounds=200):
    """Move the drawn positions (px, py) of ``points`` apart until no two are closer than
    ``distance``; each pair pushes along the line between them (coinciding points along
    a fixed direction per pair, so the result is the same on every run)."""
    for point in points:
        point.px, point.py = point.x, point.y
    for _ in range(rounds):
        moved = False
        for i, a in enumerate(points):
            for j in range(i + 1, len(points)):
                b = points[j]
                dx, dy = b.px - a.px, b.py - a.py
                gap = math.hypot(dx, dy)
                if gap >= distance - 1e-6:
                    continue
                if gap < 1e-6:
                    angle = (i * 7 + j * 3) * 0.9
                    dx, dy, gap = math.cos(angle), math.sin(angle), 1.0
                push = (distance - gap) / 2 + 0.01
                a.px -= dx / gap * push
                a.py -= dy / gap * push
                b.px += dx / gap * push
                b.py += dy / gap * push
                moved = True
        if not moved:
            return


def park_map(parks, current=None):
    """The map of ``parks`` (in their order, numbered from 1), with ``current`` highlighted."""
    pins = []
    for number, park in enumerate(parks, start=1):
        partner = None
        if park.partner_latitude is not None and park.partner_longitude is not None:
            partner = Point(float(park.partner_latitude), float(park.partner_longitude))
        pins.append(
            Pin(
                park=park,
                number=number,
                host=Point(float(park.latitude), float(park.longitude)),
                partner=partner,
                current=current is not None and park.pk == current.pk,
            )
        )
    points = [pin.host for pin in pins] + [pin.partner for pin in pins if pin.partner]
    if not points:
        return ParkMap(pins=[], height=MAP_TOP + MAP_BOTTOM_MARGIN)

    lat_min, lat_max = min(p.lat for p in points), max(p.lat for p in points)
    lon_min, lon_max = min(p.lon for p in points), max(p.lon for p in points)
    lat_span, lon_span = max(lat_max - lat_min, MIN_SPAN), max(lon_max - lon_min, MIN_SPAN)
    shrink = math.cos(math.radians((lat_min + lat_max) / 2))
    pixels_per_degree = (WIDTH - 2 * MARGIN) / (lon_span * shrink)
    for point in points:
        point.x = MARGIN + (point.lon - lon_min) * shrink * pixels_per_degree
        point.y = MAP_TOP + (lat_max - point.lat) * pixels_per_degree
    # Hosts and partners are far apart (Suqian and Suzhou); each side is decluttered alone.
    host_points = [pin.host for pin in pins]
    partner_points = [pin.partner for pin in pins if pin.partner]
    declutter(host_points)
    declutter(partner_points)

    drawn = points
    top = min(p.py for p in drawn) - PIN_RADIUS
    shift = max(0.0, MAP_TOP - PIN_RADIUS - top)  # a pin pushed above the top comes back in
    for point in drawn:
        point.y += shift
        point.py += shift
    lowest = max(p.py for p in drawn) + PIN_RADIUS
    height = math.ceil(max(lowest, MAP_TOP + lat_span * pixels_per_degree) + MAP_BOTTOM_MARGIN)

    # City names above the northernmost Suqian pin and below the southernmost Suzhou pin.
    north = min(host_points, key=lambda p: p.py)
    suqian_label = {"x": _n(north.px), "y": _n(north.py - PIN_RADIUS - 10)}
    suzhou_label = None
    if partner_points:
        south = max(partner_points, key=lambda p: p.py)
        suzhou_label = {"x": _n(south.px), "y": _n(south.py + PIN_RADIUS + 22)}

    km = 50
    bar_length = km / KM_PER_DEGREE_LAT * pixels_per_degree
    scale_bar = {
        "km": km,
        "x1": _n(MARGIN / 2),
        "x2": _n(MARGIN / 2 + bar_length),
        "y": _n(height - 16),
        "text_y": _n(height - 24),
    }
    return ParkMap(
        pins=pins,
        height=height,
        scale_bar=scale_bar,
        suqian_label=suqian_label,
        suzhou_label=suzhou_label,
    )
