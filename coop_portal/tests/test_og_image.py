"""A shared link shows a picture (issue 27, point 11): every public page has og:image with its
width, height and alternative text, as absolute URLs; an article or park with a picture shares
its rendition, every other page the site's picture in the page's language."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from PIL import Image as PILImage

from coop_portal.tests.test_public_text import public_pages
from images.tests.factories import ImageFactory
from news.tests.factories import ArticleFactory

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def og(html, prop):
    return re.findall(rf'<meta property="og:{prop}" content="([^"]*)">', html)


def test_every_public_page_has_an_og_image_with_size_and_alt(client, content):
    pages = public_pages(client)
    assert len(pages) > 60
    for page in pages:
        html = client.get(page).content.decode()
        head = html[: html.index("</head>")]
        assert len(og(head, "image")) == 1, page
        assert og(head, "image")[0].startswith("http://testserver/"), page
        assert int(og(head, "image:width")[0]) > 0 and int(og(head, "image:height")[0]) > 0, page
        assert og(head, "image:alt")[0].strip(), page


@pytest.mark.parametrize("code", LANGUAGES)
def test_pages_without_a_picture_share_the_sites_picture_in_their_language(client, db, code):
    head = client.get(f"/{code}/news/").content.decode()
    url = og(head, "image")[0]
    assert re.fullmatch(rf"http://testserver/static/img/share-{code}(\.[0-9a-f]+)?\.png", url), url
    assert (og(head, "image:width"), og(head, "image:height")) == (["1200"], ["630"])
    # The file is there, small, and of the size the tags say.
    path = Path(settings.BASE_DIR) / "static" / "img" / f"share-{code}.png"
    with PILImage.open(path) as picture:
        assert picture.size == (1200, 630)
    assert path.stat().st_size < 40_000
    alt = og(head, "image:alt")[0]
    assert ("Suzhou–Suqian Cooperation Portal" in alt) == (code == "en"), alt  # the page's language


@pytest.mark.parametrize("code", LANGUAGES)
def test_an_article_with_a_picture_shares_its_rendition(client, db, media_root, code):
    # Written alike in Simplified and Traditional Chinese, so that the test holds on /zh-hant/ too.
    image = ImageFactory(alt_en="Workers at work", alt_zh_hans="工人在工作")
    ArticleFactory(slug="pictured", image=image)
    head = client.get(f"/{code}/news/pictured/").content.decode()
    image.refresh_from_db()
    rendition = image.fallback  # the JPEG the page's <img src> shows
    assert rendition and rendition["jpeg"].endswith(".jpg")
    assert og(head, "image") == [f"http://testserver{image.file.storage.url(rendition['jpeg'])}"]
    assert og(head, "image:width") == [str(rendition["width"])]
    assert og(head, "image:height") == [str(rendition["height"])]
    assert og(head, "image:type") == ["image/jpeg"]
    assert og(head, "image:alt") == ["Workers at work" if code == "en" else "工人在工作"]


def test_a_park_shares_its_picture(client, content):
    head = client.get("/en/parks/ssip/").content.decode()
    assert "/static/img/share-" not in og(head, "image")[0]
    assert og(head, "image")[0].startswith("http://testserver/media/")


def test_the_picture_costs_no_query(client, db, media_root, django_assert_num_queries):
    """An article page with a picture runs as many queries as one without (the image comes with
    the article), and so does every page with the site's picture."""
    ArticleFactory(slug="plain")
    ArticleFactory(slug="pictured", image=ImageFactory())
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for slug in ("plain", "pictured"):
        with CaptureQueriesContext(connection) as queries:
            client.get(f"/en/news/{slug}/")
        counts.append(len(queries))
    assert counts[0] == counts[1]
