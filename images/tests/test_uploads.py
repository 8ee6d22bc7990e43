"""Uploading pictures in the admin: what is accepted, what is refused and why."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage

from images.models import Image
from images.tests.conftest import stored_files
from images.tests.factories import GPS_IFD, ORIENTATION, SVG, image_bytes, jpeg_with_exif, png_claiming_size

ADD_URL = "/admin/images/image/add/"


def upload(client, name, content, **fields):
    data = {
        "original_language": "en",
        "alt_en": "A picture",
        "alt_zh_hans": "",
        "caption_en": "",
        "credit_en": "",
        **fields,
    }
    data["file"] = SimpleUploadedFile(name, content)
    return client.post(ADD_URL, data)


def test_a_photo_is_stored_upright_without_location_or_camera_data(editor_client, media_root):
    response = upload(editor_client, "holiday.JPG", jpeg_with_exif(size=(1200, 800), orientation=6))
    assert response.status_code == 302, response.content.decode()[:2000]
    image = Image.objects.get()
    assert (image.width, image.height) == (800, 1200)  # EXIF said: rotate 90°
    with image.file.open("rb") as fh:
        stored = PILImage.open(BytesIO(fh.read()))
        exif = stored.getexif()
        assert stored.format == "JPEG"
        assert stored.size == (800, 1200)
        assert ORIENTATION not in exif
        assert GPS_IFD not in exif
        assert not exif.get_ifd(GPS_IFD)
        assert 0x010F not in exif  # camera make
        # The blue corner marker was top-left of the sensor image; after a 90° turn it is top-right.
        assert stored.convert("RGB").getpixel((790, 10))[2] > 200
    assert image.file.name.startswith("images/") and image.file.name.endswith(".jpg")


@pytest.mark.parametrize(
    ("fmt", "name", "extension"),
    [("PNG", "diagram.png", ".png"), ("WEBP", "photo.webp", ".webp"), ("PNG", "named-wrongly.jpg", ".png")],
)
def test_png_and_webp_are_accepted_and_named_by_their_content(editor_client, media_root, fmt, name, extension):
    response = upload(editor_client, name, image_bytes(fmt, (640, 480)))
    assert response.status_code == 302
    image = Image.objects.get()
    assert image.file.name.endswith(extension)
    assert image.renditions  # resized at once


def _oversized_jpeg():
    # A real JPEG padded past 10 MB: refused for its size alone.
    return image_bytes("JPEG", (64, 64)) + b"\0" * (10 * 1024 * 1024)


def _truncated_jpeg():
    whole = image_bytes("JPEG", (1200, 800), quality=95)
    return whole[: len(whole) // 2]


REFUSED = {
    "text renamed .jpg": ("report.jpg", b"Quarterly figures, not a picture.\n" * 50, "is not a JPEG, PNG or WebP"),
    "svg": ("logo.svg", SVG, "is not a JPEG, PNG or WebP"),
    "svg renamed .png": ("logo.png", SVG, "is not a JPEG, PNG or WebP"),
    "gif": ("animation.gif", image_bytes("GIF", (50, 50)), "is not a JPEG, PNG or WebP"),
    "decompression bomb": ("bomb.png", png_claiming_size(30_000, 30_000), "too many pixels"),
    "over the pixel limit": ("huge.png", png_claiming_size(8_000, 6_000), "too many pixels"),
    "truncated": ("cut-short.jpg", _truncated_jpeg(), "damaged or incomplete"),
    "oversized": ("big.jpg", _oversized_jpeg(), "an image may be at most 10.0"),
}


@pytest.mark.parametrize("case", list(REFUSED), ids=list(REFUSED))
def test_refused_uploads_say_why_and_leave_nothing_behind(editor_client, media_root, case):
    name, content, message = REFUSED[case]
    response = upload(editor_client, name, content)
    assert response.status_code == 200  # the form again, with the error
    html = response.content.decode()
    assert 'class="errorlist' in html
    assert message in html
    assert not Image.objects.exists()
    assert stored_files(media_root) == []


def test_refusal_message_is_translated(editor_client, media_root):
    response = editor_client.post(
        ADD_URL,
        {"alt_en": "x", "file": SimpleUploadedFile("a.jpg", b"not an image")},
        HTTP_ACCEPT_LANGUAGE="zh-hans",
    )
    assert "不是 JPEG、PNG 或 WebP 图片" in response.content.decode()


def test_alt_text_in_the_original_language_is_required(editor_client, media_root):
    response = editor_client.post(
        ADD_URL,
        {
            "original_language": "en",
            "alt_en": "",
            "alt_zh_hans": "只有中文",
            "file": SimpleUploadedFile("a.png", image_bytes("PNG")),
        },
    )
    assert response.status_code == 200
    assert not Image.objects.exists()
    assert stored_files(media_root) == []


def jpeg_markers(data: bytes) -> list[int]:
    """The segment markers of a JPEG up to its image data (0xFE comment, 0xE1 EXIF/XMP, …)."""
    markers, pos = [], 2
    while pos < len(data) and data[pos] == 0xFF:
        marker = data[pos + 1]
        markers.append(marker)
        if marker == 0xDA:  # start of scan: the image data follows
            break
        pos += 2 + int.from_bytes(data[pos + 2 : pos + 4], "big")
    return markers


def test_no_metadata_segment_survives_in_the_original_or_the_renditions(editor_client, media_root):
    secret = b"Zhang Wei +86 138 0000 0000, Suqian"
    photo = PILImage.open(BytesIO(jpeg_with_exif()))
    buffer = BytesIO()
    photo.save(buffer, "JPEG", comment=secret, exif=photo.info["exif"], xmp=b"<x:xmpmeta>" + secret + b"</x:xmpmeta>")
    assert 0xFE in jpeg_markers(buffer.getvalue())  # the upload carries a comment …
    assert upload(editor_client, "photo.jpg", buffer.getvalue()).status_code == 302

    image = Image.objects.get()
    files = [image.file.name] + [rendition["jpeg"] for rendition in image.renditions]
    assert len(files) > 1
    for name in files:
        with image.file.storage.open(name, "rb") as fh:
            data = fh.read()
        assert secret not in data, name
        # … and nothing but the picture itself leaves: JFIF header, tables, frame, scan.
        assert set(jpeg_markers(data)) <= {0xD8, 0xE0, 0xDB, 0xC0, 0xC2, 0xC4, 0xDD, 0xDA}, (name, jpeg_markers(data))


def test_the_editor_is_told_to_choose_the_file_again_after_an_error(editor_client, media_root):
    response = editor_client.post(
        ADD_URL,
        {"original_language": "en", "alt_en": "", "file": SimpleUploadedFile("harbour.png", image_bytes("PNG"))},
        HTTP_ACCEPT_LANGUAGE="zh-hans",
    )
    assert response.status_code == 200
    assert "文件 harbour.png 未被保留" in response.content.decode()
