"""How long an editor waits when uploading a photo: the checks and re-encoding
of images/processing.py, then the renditions of images/renditions.py, for a
12-megapixel camera-sized JPEG (noise: the worst case for the encoders).

    .venv/bin/python bench/image_pipeline.py

Writes only into a temporary folder; one image, a few seconds on 2 cores.
"""

import os
import sys
import tempfile
import time
from io import BytesIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coop_portal.settings.test")

import django  # noqa: E402

django.setup()

from django.core.files.base import ContentFile  # noqa: E402
from django.core.files.storage import FileSystemStorage  # noqa: E402
from PIL import Image as PILImage  # noqa: E402

from images import processing, renditions  # noqa: E402


class Upload:
    """The two attributes renditions.generate() reads from an Image."""

    def __init__(self, storage, name, width, height):
        self.file = storage.open(name)
        self.file.name, self.file.storage = name, storage
        self.width, self.height = width, height


def main():
    picture = PILImage.effect_noise((4000, 3000), 64).convert("RGB")
    buffer = BytesIO()
    picture.save(buffer, "JPEG", quality=90)
    data = buffer.getvalue()
    print(f"input: 4000 × 3000 JPEG, {len(data) / 1024 / 1024:.1f} MiB")
    with tempfile.TemporaryDirectory() as folder:
        storage = FileSystemStorage(location=folder)
        start = time.perf_counter()
        cleaned = processing.clean_image(ContentFile(data, "photo.jpg"), "photo.jpg")
        checked = time.perf_counter() - start
        name = storage.save("images/photo.jpg", cleaned.content)
        upload = Upload(storage, name, cleaned.width, cleaned.height)
        start = time.perf_counter()
        made = renditions.generate(upload)
        resized = time.perf_counter() - start
        start = time.perf_counter()
        renditions.generate(upload)
        reused = time.perf_counter() - start
    print(f"check + re-encode without metadata: {checked:.2f} s")
    print(f"renditions {[r['width'] for r in made]} × WebP + JPEG: {resized:.2f} s")
    print(f"renditions again (found in storage, reused): {reused * 1000:.1f} ms")


if __name__ == "__main__":
    main()
