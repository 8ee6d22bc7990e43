"""Draw the demo pictures that the image objects of fixtures/parks.json and news.json refers to.

The portal's own illustrations, made here with Pillow rather than copied from
anywhere: an abstract composition per park (and one for the seed article),
seeded by its slug so every run draws the same picture, and labelled
"Illustration" so nobody takes it for a photograph. Files already present are
left alone, so ``make run`` can run this every time.
"""

import hashlib
import random
from io import BytesIO

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand
from PIL import Image, ImageDraw, ImageFilter, ImageFont

WIDTH, HEIGHT = 1600, 900
# slug -> label drawn on the picture (ASCII: the default font has no CJK glyphs).
DEMO_IMAGES = {
    "ssip": "Suzhou Suqian Industrial Park",
    "wujiang-siyang": "Wujiang Siyang Industrial Park",
    "kunshan-shuyang": "Kunshan Shuyang High-tech Industrial Park",
    "changshu-sihong": "Changshu Sihong Industrial Park",
    "zhangjiagang-suyu": "Zhangjiagang Suyu Industrial Park",
    "wuzhong-sucheng": "Wuzhong Sucheng Industrial Park",
    "suzhou-suqian-cooperation": "Suzhou and Suqian cooperation",
}
PALETTE = ["#0b5d7a", "#1d7f6e", "#c8553d", "#f0a202", "#6a4c93", "#2a9d8f", "#e76f51", "#264653", "#8ab17d"]


def demo_path(slug: str) -> str:
    return f"images/demo/{slug}.jpg"


def draw(slug: str, label: str) -> bytes:
    rng = random.Random(hashlib.sha256(slug.encode()).hexdigest())  # noqa: S311 - art, not security
    top, bottom = rng.sample(PALETTE, 2)
    image = Image.new("RGB", (WIDTH, HEIGHT), top)
    gradient = Image.linear_gradient("L").resize((WIDTH, HEIGHT))
    image = Image.composite(Image.new("RGB", (WIDTH, HEIGHT), bottom), image, gradient)
    layer = Image.new("RGBA", (WIDTH, HEIGHT), (0, 0, 0, 0))
    shapes = ImageDraw.Draw(layer)
    for _ in range(14):
        colour = Image.new("RGB", (1, 1), rng.choice(PALETTE)).getpixel((0, 0))
        x, y, r = rng.randrange(WIDTH), rng.randrange(HEIGHT), rng.randrange(60, 320)
        if rng.random() < 0.5:
            shapes.ellipse((x - r, y - r, x + r, y + r), fill=(*colour, rng.randrange(60, 150)))
        else:
            points = [(x + rng.randrange(-r, r), y + rng.randrange(-r, r)) for _ in range(rng.randrange(3, 6))]
            shapes.polygon(points, fill=(*colour, rng.randrange(60, 150)))
    layer = layer.filter(ImageFilter.GaussianBlur(2))
    image = Image.alpha_composite(image.convert("RGBA"), layer).convert("RGB")
    text = ImageDraw.Draw(image)
    band_top = HEIGHT - 170
    text.rectangle((0, band_top, WIDTH, HEIGHT), fill=(255, 255, 255))
    text.text((60, band_top + 28), "Illustration", font=ImageFont.load_default(size=40), fill=(90, 90, 90))
    text.text((60, band_top + 78), label, font=ImageFont.load_default(size=56), fill=(20, 20, 20))
    buffer = BytesIO()
    image.save(buffer, "JPEG", quality=88, optimize=True)
    return buffer.getvalue()


class Command(BaseCommand):
    help = "Draw the demo illustrations that the fixtures' image objects refer to (existing files are kept)."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Draw again even where a file exists.")

    def handle(self, *args, force=False, **options):
        drawn = 0
        for slug, label in DEMO_IMAGES.items():
            path = demo_path(slug)
            if default_storage.exists(path):
                if not force:
                    continue
                default_storage.delete(path)
            default_storage.save(path, ContentFile(draw(slug, label)))
            drawn += 1
        self.stdout.write(f"Demo images: {drawn} drawn, {len(DEMO_IMAGES) - drawn} already there.")
