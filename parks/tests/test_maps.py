"""The schematic map: six numbered pins that are links, a legend and labels in the page's
language, a title and description, pins that do not overlap, and the coordinates as text."""

import math
import re
from decimal import Decimal

import pytest

from parks import maps
from parks.models import Park
from parks.tests.factories import ParkFactory

PARK_CODES = ["ssip", "wujiang-siyang", "kunshan-shuyang", "changshu-sihong", "zhangjiagang-suyu", "wuzhong-sucheng"]


def svg_of(html):
    match = re.search(r'<svg class="park-map".*?</svg>', html, re.S)
    assert match, "no map on the page"
    return match.group(0)


def pins(svg):
    return re.findall(r'<a class="map-pin[^"]*" href="([^"]+)"', svg)


@pytest.mark.parametrize("url", ["/en/", "/zh-hans/", "/en/parks/ssip/", "/zh-hans/parks/kunshan-shuyang/"])
def test_map_has_six_pins_linking_to_the_six_park_pages(client, content, url):
    lang = url.split("/")[1]
    svg = svg_of(client.get(url).content.decode())
    assert sorted(pins(svg)) == sorted(f"/{lang}/parks/{code}/" for code in PARK_CODES)
    # Each Suqian pin is joined to its Suzhou partner.
    assert len(re.findall(r'<g class="partner">', svg)) == 6
    assert len(re.findall(r"<line ", re.search(r'<g class="pairings">.*?</g>', svg, re.S).group(0))) == 6


@pytest.mark.parametrize(
    ("url", "texts", "legend"),
    [
        (
            "/en/",
            [
                '<title id="park-map-title">Map of the Suzhou–Suqian joint parks</title>',
                ">Suqian</text>",
                "<title>Kunshan</title>",
                "<title>2 Wujiang Siyang</title>",
                "50 km",
            ],
            ["Suzhou Suqian Industrial Park", "Wujiang Siyang", "Siyang County&nbsp;· Wujiang District"],
        ),
        (
            "/zh-hans/",
            [
                '<title id="park-map-title">苏宿共建园区分布图</title>',
                ">宿迁</text>",
                "<title>昆山市</title>",
                "<title>2 吴江泗阳工业园</title>",
                "50公里",
            ],
            ["苏宿工业园区", "吴江泗阳工业园", "泗阳县&nbsp;· 吴江区"],
        ),
    ],
)
def test_map_labels_and_legend_are_in_the_page_language(client, content, url, texts, legend):
    html = client.get(url).content.decode()
    svg = svg_of(html)
    for text in texts:
        assert text in svg, text
    assert '<desc id="park-map-desc">' in svg
    assert 'aria-labelledby="park-map-title"' in svg
    # Each pin shows its number; the legend names the numbers.
    assert re.findall(r'text-anchor="middle">(\d)</text></a>', svg) == ["1", "2", "3", "4", "5", "6"]
    items = re.search(r'<ol class="map-legend">.*?</ol>', html, re.S).group(0)
    assert len(re.findall(r'<span class="map-number" aria-hidden="true">\d</span>', items)) == 6
    for text in legend:
        assert text in items, text


def test_coordinates_are_listed_under_details(client, content):
    html = client.get("/zh-hans/").content.decode()
    details = re.search(r'<details class="map-coordinates">.*?</details>', html, re.S).group(0)
    listing = re.search(r'<ul class="map-list">.*?</ul>', details, re.S).group(0)
    assert len(re.findall(r"<li>", listing)) == 6
    assert "位于宿迁市宿城区（北纬33.963°，东经118.275°）" in listing
    # The partner that already carries the city's name does not get it twice.
    assert "共建方为苏州工业园区（北纬31.324°，东经120.723°）" in listing
    assert "共建方为苏州吴江区（北纬31.139°，东经120.645°）" in listing
    assert "苏州苏州" not in html


def test_park_page_marks_its_own_pin(client, content):
    svg = svg_of(client.get("/en/parks/wujiang-siyang/").content.decode())
    current = re.findall(r'<a class="map-pin is-current" href="([^"]+)" aria-current="page">', svg)
    assert current == ["/en/parks/wujiang-siyang/"]
    # Drawn last, so it is on top of any neighbour.
    assert pins(svg)[-1] == "/en/parks/wujiang-siyang/"


def test_suqian_is_north_west_of_suzhou_and_pins_do_not_overlap(db, content):
    parks = list(Park.objects.all())
    drawn = maps.park_map(parks)
    for pin in drawn.pins:
        assert pin.host.y < pin.partner.y  # north is up
        assert pin.host.x < pin.partner.x  # west is left
        for point in (pin.host, pin.partner):
            assert maps.PIN_RADIUS <= point.px <= drawn.width - maps.PIN_RADIUS
            assert maps.PIN_RADIUS <= point.py <= drawn.height - maps.PIN_RADIUS
    # Sucheng, Suyu and Suqian's seat are a few kilometres apart: their pins are pushed apart,
    # each with a leader to its true place.
    for points in ([p.host for p in drawn.pins], [p.partner for p in drawn.pins]):
        for i, a in enumerate(points):
            for b in points[i + 1 :]:
                assert math.hypot(a.px - b.px, a.py - b.py) >= 2 * maps.PIN_RADIUS
    assert any(pin.host.moved for pin in drawn.pins)
    # 50 km is about 0.45° of latitude.
    bar = drawn.scale_bar
    assert 30 < float(bar["x2"]) - float(bar["x1"]) < 120


def test_coordinates_are_plain_numbers_in_every_language(client, content, settings):
    settings.USE_THOUSAND_SEPARATOR = True
    svg = svg_of(client.get("/zh-hans/").content.decode())
    numbers = re.findall(r'\b(?:x|y|x1|y1|x2|y2|cx|cy)="([^"]+)"', svg)
    assert numbers
    assert all(re.fullmatch(r"-?\d+(\.\d+)?", n) for n in numbers), numbers


def test_a_park_without_partner_coordinates_gets_a_pin_and_no_line(db):
    lonely = ParkFactory(slug="lonely", partner_latitude=None, partner_longitude=None)
    paired = ParkFactory(
        slug="paired",
        latitude=Decimal("33.9"),
        longitude=Decimal("118.3"),
        partner_latitude=Decimal("31.3"),
        partner_longitude=Decimal("120.6"),
    )
    drawn = maps.park_map([lonely, paired])
    assert [pin.park for pin in drawn.pins] == [lonely, paired]
    assert drawn.pins[0].partner is None and drawn.pins[1].partner is not None


def test_coinciding_points_still_make_a_finite_map(db):
    drawn = maps.park_map([ParkFactory(partner_latitude=None, partner_longitude=None) for _ in range(3)])
    assert drawn.height > 0
    assert all(0 <= pin.host.px <= drawn.width for pin in drawn.pins)
    assert maps.park_map([]).pins == []
