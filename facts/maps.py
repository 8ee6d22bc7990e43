"""A schematic map of the joint parks, computed here and drawn as inline SVG by
``templates/includes/park_map.html``: no tiles, no script, no other host.

Each park is a pin at the seat of its Suqian host county or district, joined by
a line to its Suzhou partner. The projection is equirectangular, with east–west
distances shrunk by cos(latitude) so that a kilometre is about as long in both
directions at this latitude (31–34° N) — good enough for a schematic, not a
survey. Pins that nearly coincide (three parks sit in Sucheng and Suyu, a few
kilometres apart) get their labels spread out in a column beside the map, each
joined to its pin by a leader line.
"""

import math
from dataclasses import dataclass, field

WIDTH = 800
LABEL_COLUMN = 270  # room for the labels on each side (the longest: a bold English short name)
MAP_TOP = 40
MAP_BOTTOM_MARGIN = 60  # room for the scale bar
LABEL_GAP = 24  # vertical distance between two labels in a column
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
    lat: float
    lon: float
    x: float = 0.0
    y: float = 0.0


@dataclass
class Label(_Placed):
    point: Point  # what it names
    x: float = 0.0
    y: float = 0.0

    @property
    def text_y(self):
        return _n(self.y + 5)  # baseline, so the text is centred on the leader line


@dataclass
class Pin:
    park: object
    host: Point
    label: Label
    partner: Point | None = None
    partner_label: Label | None = None
    current: bool = False


@dataclass
class ParkMap:
    pins: list[Pin]
    width: int = WIDTH
    height: int = 0
    scale_bar: dict = field(default_factory=dict)
    suqian_label: Label | None = None
    suzhou_label: Label | None = None

    @property
    def drawing_order(self):
        """Pins in the order to draw them: the current park last, so that it is
        on top where pins overlap (SVG has no z-index)."""
        return sorted(self.pins, key=lambda pin: pin.current)


def _spread(labels, top):
    """Place labels in a column: each as near its point's height as it can be,
    at least LABEL_GAP below the previous one, the column centred on the points."""
    labels.sort(key=lambda label: (label.point.y, label.point.x))
    previous = -math.inf
    for label in labels:
        label.y = max(label.point.y, previous + LABEL_GAP)
        previous = label.y
    if labels:
        shift = sum(label.point.y - label.y for label in labels) / len(labels)
        shift = max(shift, top - labels[0].y)
        for label in labels:
            label.y += shift


def park_map(parks, current=None):
    """The map of ``parks`` (in their order), with ``current`` highlighted."""
    parks = list(parks)
    pins = []
    for park in parks:
        host = Point(float(park.latitude), float(park.longitude))
        partner = None
        if park.partner_latitude is not None and park.partner_longitude is not None:
            partner = Point(float(park.partner_latitude), float(park.partner_longitude))
        pins.append(
            Pin(
                park=park,
                host=host,
                label=Label(host),
                partner=partner,
                partner_label=Label(partner) if partner else None,
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
    map_width = WIDTH - 2 * LABEL_COLUMN
    pixels_per_degree = map_width / (lon_span * shrink)
    for point in points:
        point.x = LABEL_COLUMN + (point.lon - lon_min) * shrink * pixels_per_degree
        point.y = MAP_TOP + (lat_max - point.lat) * pixels_per_degree

    # Suqian (north-west) labels in the left column, Suzhou (south-east) in the right.
    hosts = [pin.label for pin in pins]
    partners = [pin.partner_label for pin in pins if pin.partner_label]
    _spread(hosts, top=MAP_TOP / 2)
    _spread(partners, top=MAP_TOP / 2)
    for label in hosts:
        label.x = LABEL_COLUMN - 16
    for label in partners:
        label.x = WIDTH - LABEL_COLUMN + 16

    map_bottom = MAP_TOP + lat_span * pixels_per_degree
    lowest = max([map_bottom] + [label.y for label in hosts + partners])
    height = math.ceil(lowest + MAP_BOTTOM_MARGIN)

    host_points = [pin.host for pin in pins]
    partner_points = [pin.partner for pin in pins if pin.partner]
    # City names beside the northernmost Suqian pin and the southernmost Suzhou point,
    # where the pairing lines (running south-east, steeply) leave room.
    north = min(host_points, key=lambda p: p.y)
    suqian_label = Label(north, x=max(p.x for p in host_points) + 14, y=north.y)
    suzhou_label = None
    if partner_points:
        south = max(partner_points, key=lambda p: p.y)
        suzhou_label = Label(south, x=min(p.x for p in partner_points) - 14, y=south.y)

    km = 50
    bar_length = km / KM_PER_DEGREE_LAT * pixels_per_degree
    scale_bar = {
        "km": km,
        "x1": _n(LABEL_COLUMN),
        "x2": _n(LABEL_COLUMN + bar_length),
        "y": _n(height - 24),
        "text_y": _n(height - 30),
    }
    return ParkMap(
        pins=pins,
        height=height,
        scale_bar=scale_bar,
        suqian_label=suqian_label,
        suzhou_label=suzhou_label,
    )
