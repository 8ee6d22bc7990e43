"""Draw the link-preview pictures (og:image) of pages that have no picture of their own.

One 1200 × 630 PNG per language (the size link previews are made for), with the portal's name and
what it is about in that language, in the site's colours: static/img/share-<language>.png. The
files are committed; run this again only to change them (it needs Pillow and the Noto Sans CJK
fonts, Debian's fonts-noto-cjk). Traditional Chinese is written out here rather than converted,
since a picture's text cannot be converted at render time.

    .venv/bin/python scripts/make_share_images.py
"""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
OUT = Path(__file__).resolve().parent.parent / "static" / "img"
FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-{weight}.ttc"
# Index of each language's face in the Noto Sans CJK collection: SC for Simplified, TC for Traditional.
FACE = {"en": 2, "zh-hans": 2, "zh-hant": 3}
ACCENT, ACCENT_DARK, AMBER, WHITE = "#0b5a8c", "#08446a", "#f0a202", "#ffffff"
TEXTS = {
    "en": ("Suzhou–Suqian", "Cooperation Portal", "The six joint industrial parks of Suzhou and Suqian"),
    "zh-hans": ("苏宿合作", "门户网站", "苏州与宿迁合作共建的六个工业园区"),
    "zh-hant": ("蘇宿合作", "門戶網站", "蘇州與宿遷合作共建的六個工業園區"),
}


def font(weight, size, code):
    return ImageFont.truetype(FONT.format(weight=weight), size, index=FACE[code])


def draw(code):
    title, title2, subtitle = TEXTS[code]
    image = Image.new("RGB", (WIDTH, HEIGHT), ACCENT)
    pen = ImageDraw.Draw(image)
    pen.rectangle((0, HEIGHT - 110, WIDTH, HEIGHT), fill=ACCENT_DARK)
    # The six parks, as six dots on the band.
    for i in range(6):
        x = 90 + i * 70
        pen.ellipse((x, HEIGHT - 72, x + 34, HEIGHT - 38), fill=AMBER)
    pen.text((90, 90), title, font=font("Bold", 92, code), fill=WHITE)
    pen.text((90, 205), title2, font=font("Bold", 92, code), fill=WHITE)
    pen.text((90, 350), subtitle, font=font("Regular", 40, code), fill=WHITE)
    # A few colours only: a palette PNG stays small (a link preview is fetched by every reader's app).
    return image.quantize(colors=32, method=Image.Quantize.MEDIANCUT)


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for code in TEXTS:
        path = OUT / f"share-{code}.png"
        draw(code).save(path, optimize=True)
        print(f"{path.relative_to(OUT.parent.parent)}: {path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
