"""Resized copies of an image for responsive pages: WebP at a few widths, plus
JPEG at the same widths for browsers without WebP.

Hand-written rather than easy-thumbnails / sorl-thumbnail / django-imagekit:
those look up each thumbnail at render time (a database row, a key-value entry
or a storage ``exists()`` per size), which is 36 look-ups for a page of six park
cards. Here the list of renditions is stored on the Image row itself, so a page
that selects its images with ``select_related`` renders every ``srcset``
without one more query or storage call, and deleting an image knows exactly
which files to remove.

Renditions are made once, when an image is saved (or by ``make_renditions``
for images that arrive by ``loaddata``), and reused afterwards: their names
follow from the original's path, and a rendition already in storage is not
encoded again.
"""

from io import BytesIO
from pathlib import PurePosixPath

from django.conf import settings
from django.core.files.base import ContentFile
from PIL import Image as PILImage
from PIL import ImageOps

FORMATS = {"webp": ("WEBP", {"quality": 80, "method": 4}), "jpeg": ("JPEG", {"quality": 82, "progressive": True})}
EXTENSIONS = {"webp": "webp", "jpeg": "jpg"}


def widths_for(original_width: int) -> list[int]:
    """The configured widths no wider than the original (never upscale); an
    image narrower than the smallest width gets one rendition at its own width."""
    widths = [w for w in settings.IMAGES_RENDITION_WIDTHS if w <= original_width]
    return widths or [original_width]


def rendition_name(original_name: str, width: int, kind: str) -> str:
    """``images/2025/05/ssip.jpg`` -> ``images/renditions/2025/05/ssip/480w.webp``:
    unique because the original's path is, and derived so it can be found again."""
    path = PurePosixPath(original_name)
    parts = path.parent.parts[1:] if path.parts[0] == "images" else path.parent.parts
    return str(PurePosixPath("images", "renditions", *parts, path.stem, f"{width}w.{EXTENSIONS[kind]}"))


def _encode(image: PILImage.Image, kind: str) -> bytes:
    fmt, options = FORMATS[kind]
    if kind == "jpeg" and image.mode != "RGB":
        # JPEG has no alpha: lay transparent pictures on white.
        rgba = image.convert("RGBA")
        background = PILImage.new("RGB", rgba.size, "white")
        background.paste(rgba, mask=rgba.getchannel("A"))
        image = background
    buffer = BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def generate(image_obj) -> list[dict]:
    """Make (or find) every rendition of ``image_obj`` and return their list,
    ready to store in ``Image.renditions``."""
    storage = image_obj.file.storage
    name = image_obj.file.name
    result = []
    source = None
    try:
        for width in widths_for(image_obj.width):
            height = max(1, round(image_obj.height * width / image_obj.width))
            entry = {"width": width, "height": height}
            for kind in FORMATS:
                target = rendition_name(name, width, kind)
                if not storage.exists(target):
                    if source is None:
                        with storage.open(name, "rb") as fh:
                            source = ImageOps.exif_transpose(PILImage.open(fh))
                            source.load()
                        if source.mode not in ("RGB", "RGBA", "L"):
                            # A palette PNG's transparent colour is in its info, not its bands.
                            alpha = "A" in source.getbands() or "transparency" in source.info
                            source = source.convert("RGBA" if alpha else "RGB")
                        # Resized copies inherit the info, and Pillow writes a JPEG comment from
                        # it: originals stored before comments were stripped may still carry one.
                        source.info.clear()
                    resized = source.resize((width, height), PILImage.Resampling.LANCZOS)
                    target = storage.save(target, ContentFile(_encode(resized, kind)))
                entry[kind] = target
            result.append(entry)
    finally:
        if source is not None:
            source.close()
    return result


def delete(renditions: list[dict], storage) -> None:
    for entry in renditions:
        for kind in FORMATS:
            if entry.get(kind):
                storage.delete(entry[kind])
