"""Image files made on the spot for tests, and an Image factory."""

import struct
import zlib
from io import BytesIO

import factory
from django.core.files.base import ContentFile
from PIL import Image as PILImage

from images.models import Image

GPS_IFD = 0x8825
ORIENTATION = 0x0112


def image_bytes(fmt="JPEG", size=(1200, 800), colour=(200, 80, 40), mode="RGB", **save_options) -> bytes:
    picture = PILImage.new(mode, size, colour)
    # A marker in the top-left corner, to see where rotation put it.
    picture.paste((0, 0, 255) if mode == "RGB" else (0, 0, 255, 255), (0, 0, size[0] // 4, size[1] // 4))
    buffer = BytesIO()
    picture.save(buffer, fmt, **save_options)
    return buffer.getvalue()


def jpeg_with_exif(size=(1200, 800), orientation=6) -> bytes:
    """A JPEG whose EXIF says "rotate 90°" and carries a GPS position."""
    exif = PILImage.Exif()
    exif[ORIENTATION] = orientation
    exif[0x010F] = "TestCam"  # Make
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (31.0, 18.0, 0.0), 3: "E", 4: (120.0, 37.0, 0.0)})
    return image_bytes("JPEG", size, exif=exif.tobytes())


def png_claiming_size(width, height) -> bytes:
    """A tiny PNG whose header claims ``width`` × ``height`` pixels: a
    decompression bomb as far as the header is concerned."""
    real = image_bytes("PNG", (1, 1))
    ihdr_data = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + ihdr_data
    ihdr = struct.pack(">I", len(ihdr_data)) + chunk + struct.pack(">I", zlib.crc32(chunk))
    # Signature (8 bytes), then the original IHDR (4 + 4 + 13 + 4 = 25 bytes).
    return real[:8] + ihdr + real[33:]


SVG = b"""<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><script>alert(1)</script>
<rect width="100" height="100" fill="red"/></svg>"""


class ImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Image

    file = factory.LazyFunction(lambda: ContentFile(image_bytes(), name="test-picture.jpg"))
    alt_en = "A red rectangle with a blue corner"
    alt_zh_hans = "带蓝色角的红色矩形"
    caption_en = "Test caption"
    credit_en = "Test credit"
