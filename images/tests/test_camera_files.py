"""Issue 23, point 5: every kind of picture a phone or a camera writes is either
stored (as a JPEG, PNG or WebP without metadata, with renditions) or refused
with a message in the editor's language. Never a 500.

The corpus is made here with Pillow (and a few bytes by hand where Pillow
cannot write the format), so the repository carries no binary files."""

import struct
import zlib
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage

from images.models import Image
from images.tests.conftest import stored_files
from images.tests.factories import GPS_IFD

RED, GREEN = (220, 20, 20), (20, 200, 20)


def camera_exif() -> bytes:
    exif = PILImage.Exif()
    exif[0x010F] = "PhoneCam"  # Make
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (33.0, 58.0, 0.0), 3: "E", 4: (118.0, 17.0, 0.0)})
    return exif.tobytes()


def save(image: PILImage.Image, fmt: str, **options) -> bytes:
    buffer = BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def mpo() -> bytes:
    """A multi-picture JPEG as phones write for portrait or 3D photos: the main picture
    (red, with camera and GPS data) and a second one (green)."""
    main, second = PILImage.new("RGB", (640, 480), RED), PILImage.new("RGB", (640, 480), GREEN)
    return save(main, "MPO", save_all=True, append_images=[second], exif=camera_exif())


def png_16_bit(colour_type: int) -> bytes:
    """A 16-bit PNG (Pillow writes only 8-bit ones): greyscale (0) or RGB (2), one colour,
    at three quarters of full brightness."""
    width, height, channels = 64, 48, {0: 1, 2: 3}[colour_type]
    row = b"\0" + struct.pack(">H", 0xC000) * channels * width
    header = struct.pack(">IIBBBBB", width, height, 16, colour_type, 0, 0, 0)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(row * height))
        + chunk(b"IEND", b"")
    )


def palette_png_with_transparency() -> bytes:
    image = PILImage.new("P", (64, 48), 1)
    image.putpalette([0, 0, 0, *RED] + [0, 0, 0] * 254)
    image.paste(0, (0, 0, 32, 48))  # the left half: colour 0, transparent
    return save(image, "PNG", transparency=0)


def animated(fmt: str) -> bytes:
    first, second = PILImage.new("RGB", (64, 48), RED), PILImage.new("RGB", (64, 48), GREEN)
    return save(first, fmt, save_all=True, append_images=[second], duration=100, loop=0)


def iso_media(brand: bytes) -> bytes:
    """The start of a HEIF/AVIF file: an ftyp box with its brand, then a (dummy) meta box.
    Pillow cannot decode these; the check must recognise them before it tries."""
    ftyp = b"ftyp" + brand + b"\0\0\0\0" + b"mif1" + brand
    return struct.pack(">I", 4 + len(ftyp)) + ftyp + struct.pack(">I", 16) + b"meta" + b"\0" * 8 + b"\0" * 2000


# name -> (file name, bytes, what is stored (format, mode) or None when refused, the Chinese message)
STORED = {
    "MPO (multi-picture JPEG)": ("IMG_0001.JPG", mpo, ("JPEG", "RGB"), RED),
    "progressive JPEG": (
        "progressive.jpg",
        lambda: save(PILImage.new("RGB", (640, 480), RED), "JPEG", progressive=True, exif=camera_exif()),
        ("JPEG", "RGB"),
        RED,
    ),
    "CMYK JPEG": (
        "print.jpg",
        lambda: save(PILImage.new("CMYK", (640, 480), (0, 230, 230, 20)), "JPEG"),
        ("JPEG", "RGB"),
        RED,
    ),
    "CMYK JPEG with a damaged profile": (
        "print2.jpg",
        lambda: save(PILImage.new("CMYK", (64, 48), (0, 230, 230, 20)), "JPEG", icc_profile=b"not a profile"),
        ("JPEG", "RGB"),
        RED,
    ),
    "16-bit greyscale PNG": ("scan.png", lambda: png_16_bit(0), ("PNG", "L"), (192, 192, 192)),
    "16-bit RGB PNG": ("raw-export.png", lambda: png_16_bit(2), ("PNG", "RGB"), (192, 192, 192)),
    "palette PNG with transparency": ("logo.png", palette_png_with_transparency, ("PNG", "P"), None),
}
REFUSED = {
    "animated WebP": ("burst.webp", lambda: animated("WEBP"), "该图片是动图（共 2 帧），网站只能发布静态图片。"),
    "animated PNG": ("burst.png", lambda: animated("PNG"), "该图片是动图（共 2 帧），网站只能发布静态图片。"),
    "animated GIF": ("burst.gif", lambda: animated("GIF"), "不是 JPEG、PNG 或 WebP 图片"),
    "HEIC": (
        "IMG_0002.HEIC",
        lambda: iso_media(b"heic"),
        "这是 HEIC 格式的照片（iPhone 和许多其他手机默认保存为此格式），无法直接发布。",
    ),
    "HEIF (mif1)": ("IMG_0003.heif", lambda: iso_media(b"mif1"), "这是 HEIC 格式的照片"),
    "AVIF": ("photo.avif", lambda: iso_media(b"avif"), "这是 AVIF 格式的照片"),
}


def upload_in_chinese(client, name, content):
    return client.post(
        "/admin/images/image/add/",
        {"original_language": "zh-hans", "alt_zh_hans": "手机照片", "file": SimpleUploadedFile(name, content)},
        HTTP_ACCEPT_LANGUAGE="zh-hans",
    )


@pytest.mark.parametrize("case", list(STORED), ids=list(STORED))
def test_a_phone_or_camera_picture_is_stored_clean_with_renditions(editor_client, media_root, case):
    name, make, (fmt, mode), colour = STORED[case]
    response = upload_in_chinese(editor_client, name, make())
    assert response.status_code == 302, response.content.decode()[:3000]
    image = Image.objects.get()
    with image.file.open("rb") as fh:
        stored = PILImage.open(BytesIO(fh.read()))
        stored.load()
    assert (stored.format, stored.mode) == (fmt, mode)
    assert getattr(stored, "n_frames", 1) == 1  # an MPO's second picture is not kept
    # No camera or GPS data, and no CMYK profile left on RGB pixels.
    assert not stored.getexif() and "exif" not in stored.info and "icc_profile" not in stored.info
    if colour:  # the main picture, in its colours (CMYK converted, 16 bits scaled, not clipped)
        pixel = stored.convert("RGB").getpixel((10, 10))
        assert all(abs(a - b) < 40 for a, b in zip(pixel, colour, strict=True)), pixel
    assert image.renditions
    files = stored_files(media_root)
    for rendition in image.renditions:
        assert rendition["webp"] in files and rendition["jpeg"] in files
    if case == "palette PNG with transparency":
        with image.file.storage.open(image.renditions[0]["webp"], "rb") as fh:
            webp = PILImage.open(fh)
            webp.load()
        assert webp.mode == "RGBA"
        assert webp.getpixel((2, 2))[3] == 0 and webp.getpixel((webp.width - 3, 2))[3] == 255


@pytest.mark.parametrize("case", list(REFUSED), ids=list(REFUSED))
def test_a_picture_that_cannot_be_published_is_refused_in_the_editors_language(editor_client, media_root, case):
    name, make, message = REFUSED[case]
    response = upload_in_chinese(editor_client, name, make())
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="errorlist' in html
    assert message in html
    assert not Image.objects.exists()
    assert stored_files(media_root) == []


@pytest.mark.parametrize("case", list(STORED) + list(REFUSED))
def test_the_model_validator_gives_the_same_answer(db, media_root, case):
    if case in STORED:
        name, make, _stored, _colour = STORED[case]
    else:
        name, make, _message = REFUSED[case]
    image = Image(original_language="en", alt_en="A photo", file=SimpleUploadedFile(name, make()))
    if case in REFUSED:
        with pytest.raises(ValidationError) as refused:
            image.full_clean()
        assert set(refused.value.message_dict) == {"file"}
        return
    image.full_clean()
    image.save()
    assert image.renditions and image.width and image.height
