"""Draw the demo pictures that the image objects of fixtures/parks.json and news.json refer to.

The portal's own drawings, made here with Pillow rather than copied from anywhere: a flat,
designed view of an industrial park (sky, hills, factory halls with sawtooth roofs, office
towers, a river for some), seeded by the slug so every run draws the same picture. There is
no text in them: a picture must serve both languages, and the captions (in the fixtures, in
each language) say that it is a drawing, not a photograph. Files already present are left
alone, so ``make run`` can run this every time; the file names carry ``-drawing`` so that
the earlier pictures, which had English text in them, are not kept by mistake.
"""

import hashlib
import random
from io import BytesIO

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand
from PIL import Image, ImageDraw

WIDTH, HEIGHT = 1600, 900
DEMO_IMAGES = [
    "ssip",
    "wujiang-siyang",
    "kunshan-shuyang",
    "changshu-sihong",
    "zhangjiagang-suyu",
    "wuzhong-sucheng",
    "suzhou-suqian-cooperation",
]
# (sky, building, accent) colour sets; one per picture, chosen by the slug.
PALETTES = [
    ("#dcebf5", "#0b5a8c", "#f0a202"),
    ("#e3f1ec", "#1d7f6e", "#c8553d"),
    ("#efe7f5", "#6a4c93", "#2a9d8f"),
    ("#f6ece2", "#c8553d", "#264653"),
    ("#e2eef0", "#264653", "#e76f51"),
    ("#eef3e4", "#4d7c3a", "#0b5a8c"),
]


def demo_path(slug: str) -> str:
    return f"images/demo/{slug}-drawing.jpg"


def _rgb(hex_colour, lighten=0.0):
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return tuple(round(c + (255 - c) * lighten) for c in (r, g, b))


def draw(slug: str) -> bytes:
    rng = random.Random(hashlib.sha256(slug.encode()).hexdigest())  # noqa: S311 - art, not security
    sky, building, accent = PALETTES[int(hashlib.sha256(slug.encode()).hexdigest(), 16) % len(PALETTES)]
    image = Image.new("RGB", (WIDTH, HEIGHT), _rgb(sky))
    pen = ImageDraw.Draw(image)
    horizon = int(HEIGHT * 0.68)
    # Sky: lighter towards the horizon; a low sun.
    for y in range(horizon):
        pen.line((0, y, WIDTH, y), fill=_rgb(sky, lighten=0.6 * y / horizon))
    sun_x = rng.randrange(200, WIDTH - 200)
    pen.ellipse((sun_x - 70, 120, sun_x + 70, 260), fill=_rgb(accent, lighten=0.35))
    # Two bands of hills.
    for band, lighten in ((0, 0.75), (1, 0.6)):
        points = [(0, horizon)]
        for x in range(0, WIDTH + 200, 200):
            points.append((x, horizon - rng.randrange(40, 130) + band * 40))
        points.append((WIDTH, horizon))
        pen.polygon(points, fill=_rgb(building, lighten=lighten))
    # Ground, and a river for some pictures.
    pen.rectangle((0, horizon, WIDTH, HEIGHT), fill=_rgb("#8ab17d", lighten=0.45))
    if rng.random() < 0.5:
        pen.polygon(
            [(0, HEIGHT - 120), (WIDTH, HEIGHT - 200), (WIDTH, HEIGHT - 130), (0, HEIGHT - 40)], fill=_rgb("#7fb3d5")
        )
    # Buildings along the horizon: factory halls (sawtooth roofs) and office towers with windows.
    x = rng.randrange(20, 80)
    while x < WIDTH - 120:
        width = rng.randrange(140, 300)
        colour = _rgb(building, lighten=rng.choice((0.0, 0.15, 0.3)))
        if rng.random() < 0.6:
            height = rng.randrange(90, 160)
            top = horizon - height
            pen.rectangle((x, top, x + width, horizon), fill=colour)
            teeth = max(3, width // 50)
            step = width / teeth
            for i in range(teeth):
                left = x + i * step
                pen.polygon([(left, top), (left + step, top), (left + step, top - 34)], fill=colour)
                pen.line((left + step, top, left + step, top - 34), fill=_rgb(sky), width=3)
            pen.rectangle((x + width * 0.4, horizon - 60, x + width * 0.6, horizon), fill=_rgb(accent))
        else:
            width = min(width, 170)
            height = rng.randrange(220, 400)
            top = horizon - height
            pen.rectangle((x, top, x + width, horizon), fill=colour)
            for wy in range(top + 24, horizon - 30, 36):
                for wx in range(x + 18, x + width - 30, 34):
                    pen.rectangle((wx, wy, wx + 18, wy + 20), fill=_rgb(sky, lighten=0.4))
        x += width + rng.randrange(20, 90)
    # Trees in front.
    for _ in range(rng.randrange(6, 12)):
        tx, ty = rng.randrange(WIDTH), horizon + rng.randrange(10, 60)
        pen.rectangle((tx - 4, ty, tx + 4, ty + 40), fill=(90, 70, 50))
        pen.ellipse((tx - 30, ty - 50, tx + 30, ty + 10), fill=_rgb("#4d7c3a", lighten=rng.choice((0.0, 0.2))))
    buffer = BytesIO()
    image.save(buffer, "JPEG", quality=85, optimize=True)
    return buffer.getvalue()


class Command(BaseCommand):
    help = "Draw the demo illustrations that the fixtures' image objects refer to (existing files are kept)."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Draw again even where a file exists.")

    def handle(self, *args, force=False, **options):
        drawn = 0
        for slug in DEMO_IMAGES:
            path = demo_path(slug)
            if default_storage.exists(path):
                if not force:
                    continue
                default_storage.delete(path)
            default_storage.save(path, ContentFile(draw(slug)))
            drawn += 1
        self.stdout.write(f"Demo images: {drawn} drawn, {len(DEMO_IMAGES) - drawn} already there.")
