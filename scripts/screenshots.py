"""Screenshots of every page type in both languages at phone and desktop width: docs/screens/.

    .venv/bin/python scripts/screenshots.py [--port 8311]
    .venv/bin/python scripts/screenshots.py --lang zh-hant --page home --page park-detail --width 390

Starts the demo server (scripts/demo_server.py: throwaway SQLite database with the fixtures and demo
pictures), opens each page in Debian's chromium through Playwright and saves the first screen
(viewport-sized, not the full page) as docs/screens/<page>-<lang>-<width>.png, reduced to a 256-colour
palette to keep the repository small. Then the easy-reading mode (issue 27) on a phone, for the home
page and an article: docs/screens/<page>-<lang>-390-easy-reading.png (`--easy-reading-only` takes just
those).
"""

import argparse
import io
import sys
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from e2e.pages import CHROMIUM, CHROMIUM_ARGS, LANGS, PAGE_TYPES  # noqa: E402
from scripts.demo_server import demo_server  # noqa: E402

OUT = ROOT / "docs" / "screens"
SIZES = {390: 844, 1280: 800}  # an everyday phone and a laptop
EASY_READING_PAGES = ("home", "article-detail")


def save(png: bytes, path: Path):
    image = Image.open(io.BytesIO(png)).convert("RGB")
    image.quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8311)
    parser.add_argument("--easy-reading-only", action="store_true", help="only the easy-reading screens")
    # Some of them only (each option may be repeated); all when left out.
    parser.add_argument("--lang", action="append", choices=list(LANGS))
    parser.add_argument("--page", action="append", choices=list(PAGE_TYPES))
    parser.add_argument("--width", action="append", type=int, choices=list(SIZES))
    args = parser.parse_args()
    langs, pages = args.lang or list(LANGS), {name: PAGE_TYPES[name] for name in args.page or PAGE_TYPES}
    sizes = {width: SIZES[width] for width in args.width or SIZES}
    OUT.mkdir(parents=True, exist_ok=True)
    with demo_server(args.port) as base_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for width, height in {} if args.easy_reading_only else sizes.items():
            context = browser.new_context(viewport={"width": width, "height": height})
            page = context.new_page()
            for lang in langs:
                for name, path in pages.items():
                    page.goto(f"{base_url}/{lang}/{path}", wait_until="networkidle")
                    target = OUT / f"{name}-{lang}-{width}.png"
                    save(page.screenshot(), target)
                    print(target.relative_to(ROOT))
            context.close()
        # Easy reading is remembered in localStorage: set it before any page script runs.
        context = browser.new_context(viewport={"width": 390, "height": SIZES[390]})
        context.add_init_script("localStorage.setItem('coop-portal-easy-reading', 'on')")
        page = context.new_page()
        for lang in langs:
            for name in EASY_READING_PAGES:
                page.goto(f"{base_url}/{lang}/{PAGE_TYPES[name]}", wait_until="networkidle")
                target = OUT / f"{name}-{lang}-390-easy-reading.png"
                save(page.screenshot(), target)
                print(target.relative_to(ROOT))
        context.close()
        browser.close()


if __name__ == "__main__":
    main()
