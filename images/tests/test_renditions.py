"""Resized copies: made once, shown as <picture>, removed with their image."""

import re

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage

from core.pagecache import invalidate
from images import renditions
from images.models import Image
from images.tests.conftest import stored_files
from images.tests.factories import ImageFactory, image_bytes
from parks.tests.factories import ParkFactory


@pytest.fixture
def encode_calls(monkeypatch):
    calls = []
    real = renditions._encode

    def counting(image, kind):
        calls.append((image.width, kind))
        return real(image, kind)

    monkeypatch.setattr(renditions, "_encode", counting)
    return calls


@pytest.mark.django_db
def test_renditions_are_webp_and_jpeg_at_widths_up_to_the_original(media_root, encode_calls):
    image = ImageFactory(file=ContentFile(image_bytes("PNG", (1000, 500), mode="RGBA", colour=(0, 0, 0, 0)), "a.png"))
    assert [(r["width"], r["height"]) for r in image.renditions] == [(480, 240), (960, 480)]
    assert sorted(encode_calls) == [(480, "jpeg"), (480, "webp"), (960, "jpeg"), (960, "webp")]
    for entry in image.renditions:
        with image.file.storage.open(entry["webp"]) as fh:
            assert PILImage.open(fh).format == "WEBP"
        with image.file.storage.open(entry["jpeg"]) as fh:
            jpeg = PILImage.open(fh)
            assert (jpeg.format, jpeg.mode, jpeg.width) == ("JPEG", "RGB", entry["width"])
    image.refresh_from_db()
    assert len(image.renditions) == 2  # stored on the row


@pytest.mark.django_db
def test_a_small_image_gets_one_rendition_at_its_own_width(media_root):
    image = ImageFactory(file=ContentFile(image_bytes("JPEG", (300, 200)), "small.jpg"))
    assert [(r["width"], r["height"]) for r in image.renditions] == [(300, 200)]


@pytest.mark.django_db
def test_renditions_are_made_once_and_reused(media_root, encode_calls):
    image = ImageFactory(file=ContentFile(image_bytes("JPEG", (2000, 1000)), "big.jpg"))
    assert len(encode_calls) == 6  # 480, 960, 1600 × WebP, JPEG
    files = stored_files(media_root)
    mtimes = {name: (media_root / name).stat().st_mtime_ns for name in files}
    # As after `loaddata` reset the list: the files in storage are found again, not re-encoded.
    Image.objects.filter(pk=image.pk).update(renditions=[])
    image.refresh_from_db()
    assert image.ensure_renditions() is True
    assert image.ensure_renditions() is False
    image.caption_en = "New caption"
    image.save()
    assert len(encode_calls) == 6
    assert stored_files(media_root) == files
    assert {name: (media_root / name).stat().st_mtime_ns for name in files} == mtimes


@pytest.mark.django_db
def test_replacing_the_file_removes_the_old_file_and_its_renditions(
    admin_client, media_root, django_capture_on_commit_callbacks
):
    image = ImageFactory(file=ContentFile(image_bytes("JPEG", (1200, 800)), "first.jpg"))
    old_files = stored_files(media_root)
    assert len(old_files) == 1 + 4
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            f"/admin/images/image/{image.pk}/change/",
            {
                "slug": image.slug,
                "original_language": "en",
                "alt_en": image.alt_en,
                "file": SimpleUploadedFile("second.png", image_bytes("PNG", (600, 400))),
            },
        )
    assert response.status_code == 302
    image.refresh_from_db()
    assert image.file.name.endswith("second.png")
    new_files = stored_files(media_root)
    assert not set(old_files) & set(new_files)
    assert len(new_files) == 1 + 2  # the original and 480w in two formats
    assert image.width == 600


@pytest.mark.django_db
def test_deleting_an_image_removes_its_files_and_unlinks_it(media_root, django_capture_on_commit_callbacks):
    image = ImageFactory()
    park = ParkFactory(image=image)
    assert stored_files(media_root)
    with django_capture_on_commit_callbacks(execute=True):
        image.delete()
    assert stored_files(media_root) == []
    park.refresh_from_db()
    assert park.image is None


@pytest.mark.django_db
def test_a_rolled_back_delete_keeps_the_files(media_root, django_capture_on_commit_callbacks):
    image = ImageFactory()
    files = stored_files(media_root)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        image.delete()
    # Deletion waits for the commit (as does the page cache's invalidation, core/pagecache/).
    assert len([callback for callback in callbacks if callback is not invalidate]) == 1
    assert stored_files(media_root) == files


@pytest.mark.django_db
def test_park_page_serves_a_responsive_lazy_picture(client, media_root, django_assert_max_num_queries):
    image = ImageFactory(file=ContentFile(image_bytes("JPEG", (2000, 1000)), "park.jpg"), caption_en="The gate")
    park = ParkFactory(image=image)
    # The picture adds no query to the park page (its bound: parks tests; one more since it lists documents).
    with django_assert_max_num_queries(11):
        html = client.get(park.get_absolute_url()).content.decode()
    picture = re.search(r"<picture>.*?</picture>", html, re.S).group(0)
    webp = r'<source type="image/webp" srcset="[^"]*480w\.webp 480w, [^"]*960w\.webp 960w, [^"]*1600w\.webp 1600w"'
    assert re.search(webp, picture)
    img = re.search(r"<img [^>]*>", picture).group(0)
    for attribute in ('loading="lazy"', 'width="960"', 'height="480"', 'alt="A red rectangle with a blue corner"'):
        assert attribute in img
    assert re.search(r'srcset="[^"]*480w\.jpg 480w, [^"]*960w\.jpg 960w, [^"]*1600w\.jpg 1600w"', img)
    assert 'sizes="' in img
    assert "The gate" in html
    assert "Test credit" in html
    # Chinese page: the Chinese alt text.
    assert 'alt="带蓝色角的红色矩形"' in client.get(f"/zh-hans/parks/{park.slug}/").content.decode()


@pytest.mark.django_db
def test_park_list_shows_every_picture_without_a_query_per_park(client, media_root, django_assert_max_num_queries):
    image = ImageFactory()
    for _ in range(8):
        ParkFactory(image=image)
    with django_assert_max_num_queries(3):
        html = client.get("/en/parks/").content.decode()
    assert html.count("<picture>") == 8
