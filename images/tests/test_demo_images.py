"""The demo pictures: drawn by the project, put in place by `make run`."""

import json
from io import BytesIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from PIL import Image as PILImage

from images.management.commands.make_demo_images import DEMO_IMAGES, demo_path
from images.tests.conftest import stored_files
from parks.models import Park

FIXTURES = [Path(settings.BASE_DIR) / "fixtures" / name for name in ("parks.json", "news.json")]


def fixture_images():
    return [
        entry
        for path in FIXTURES
        for entry in json.loads(path.read_text(encoding="utf-8"))
        if entry["model"] == "images.image"
    ]


def test_every_fixture_image_is_drawn_by_the_command_at_its_stated_size(media_root):
    call_command("make_demo_images", verbosity=0)
    for entry in fixture_images():
        fields = entry["fields"]
        assert "pk" not in entry
        assert fields["alt_en"] and fields["alt_zh_hans"]
        path = media_root / fields["file"]
        with PILImage.open(path) as picture:
            assert picture.format == "JPEG"
            assert picture.size == (fields["width"], fields["height"])
    assert len(stored_files(media_root)) == len(DEMO_IMAGES)


def test_drawing_again_keeps_existing_files(media_root):
    call_command("make_demo_images", verbosity=0)
    path = media_root / demo_path("ssip")
    first = path.stat().st_mtime_ns
    call_command("make_demo_images", verbosity=0)
    assert path.stat().st_mtime_ns == first


@pytest.mark.django_db
def test_make_run_steps_give_every_park_a_picture(client, media_root, django_assert_max_num_queries):
    """The `load` target of the Makefile: draw, load the fixtures, make renditions."""
    call_command("make_demo_images", verbosity=0)
    call_command("loaddata", "parks", "news", verbosity=0)
    call_command("make_renditions", verbosity=0)
    for park in Park.objects.select_related("image"):
        assert park.image.renditions, park.slug
        assert PILImage.open(BytesIO((media_root / park.image.renditions[0]["webp"]).read_bytes())).format == "WEBP"
    with django_assert_max_num_queries(4):
        html = client.get("/zh-hans/parks/").content.decode()
    assert html.count("<picture>") == 6
    assert "示意图" in html  # Chinese alt text
    # Repeating the steps changes nothing on disk.
    files = stored_files(media_root)
    call_command("make_demo_images", verbosity=0)
    call_command("loaddata", "parks", "news", verbosity=0)
    call_command("make_renditions", verbosity=0)
    assert stored_files(media_root) == files
