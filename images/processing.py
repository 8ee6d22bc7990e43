"""What an uploaded picture must be, and how it is made safe to publish.

Every upload is judged by its content, never its file name: Pillow must
recognise it as JPEG, PNG or WebP, it must not be too large in bytes or
pixels (decompression bombs), and it must decode completely. What passes is
re-encoded with the EXIF orientation applied and without any metadata (EXIF, XMP,
comments), so camera details, GPS location and names never reach the public site.
"""

from dataclasses import dataclass
from io import BytesIO
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from PIL import ImageOps, UnidentifiedImageError

# Pillow format name -> file extension of the stored original.
ACCEPTED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}


@dataclass(frozen=True)
class CleanImage:
    content: ContentFile  # re-encoded, metadata-free, named <stem>.<ext of its real format>
    format: str
    width: int
    height: int


def _open(fileobj) -> PILImage.Image:
    fileobj.seek(0)
    # Only our three decoders ever see untrusted bytes; anything else is "unidentified".
    return PILImage.open(fileobj, formats=list(ACCEPTED_FORMATS))


def check_image(fileobj) -> PILImage.Image:
    """Open an upload and refuse it with a message the editor can act on.
    Returns the fully decoded image."""
    max_bytes = settings.IMAGES_MAX_UPLOAD_BYTES
    if fileobj.size > max_bytes:
        raise ValidationError(
            _("This file is %(size)s; an image may be at most %(limit)s. Export it smaller and upload it again."),
            code="too_large",
            params={"size": filesizeformat(fileobj.size), "limit": filesizeformat(max_bytes)},
        )
    try:
        image = _open(fileobj)
    except UnidentifiedImageError:
        raise ValidationError(
            _(
                "This file is not a JPEG, PNG or WebP image. Other formats (SVG, GIF, HEIC, PDF…) and files "
                "that only have an image name are refused."
            ),
            code="format",
        ) from None
    except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning):
        image = None  # more pixels than Pillow will decode: refused just below
    max_pixels = settings.IMAGES_MAX_PIXELS
    if image is None or image.width * image.height > max_pixels:
        raise ValidationError(
            _("This image has too many pixels (at most %(limit)s million are accepted). Resize it and try again."),
            code="too_many_pixels",
            params={"limit": max_pixels // 1_000_000},
        )
    try:
        image.verify()
        image = _open(fileobj)  # verify() leaves the image unusable: open again to decode it
        image.load()
    except Exception:  # Pillow raises OSError, SyntaxError, ValueError… for damaged data
        raise ValidationError(
            _("This image is damaged or incomplete (perhaps the upload was cut short). Please upload it again."),
            code="damaged",
        ) from None
    return image


def validate_image_file(value):
    """Model field validator: runs in the admin form before anything is stored."""
    if value and not getattr(value, "_committed", True):
        check_image(value)


def clean_image(fileobj, name: str) -> CleanImage:
    """Check, rotate upright and re-encode without metadata."""
    image = check_image(fileobj)
    fmt = image.format
    icc_profile = image.info.get("icc_profile")
    image = ImageOps.exif_transpose(image)  # applies the Orientation tag, then drops it
    # Pillow writes a JPEG's comment (COM segment) from the info unless told otherwise; a
    # palette PNG's transparent colour lives there too and is kept.
    image.info = {key: value for key, value in image.info.items() if key == "transparency"}
    options = {"icc_profile": icc_profile} if icc_profile else {}
    if fmt == "JPEG":
        if image.mode not in ("RGB", "L", "CMYK"):
            image = image.convert("RGB")
        options.update(quality=90, optimize=True)
    elif fmt == "WEBP":
        options.update(quality=90)
    buffer = BytesIO()
    # No exif=/xmp=/comment= arguments, and the info cleared: no metadata is written.
    image.save(buffer, fmt, **options)
    stem = slugify(PurePath(name).stem)[:60] or "image"
    return CleanImage(ContentFile(buffer.getvalue(), name=f"{stem}.{ACCEPTED_FORMATS[fmt]}"), fmt, *image.size)
