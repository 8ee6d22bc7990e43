"""What an uploaded picture must be, and how it is made safe to publish.

Every upload is judged by its content, never its file name: Pillow must
recognise it as JPEG, PNG or WebP, it must not be too large in bytes or
pixels (decompression bombs), and it must decode completely. What passes is
re-encoded with the EXIF orientation applied and without any metadata (EXIF, XMP,
comments), so camera details, GPS location and names never reach the public site.

What phones and cameras write (issue 23; images/tests/test_camera_files.py holds
one of each): a multi-picture JPEG (MPO: a photo with a depth map or a second
view) is stored as a JPEG of its first, main picture; progressive JPEG, palette
PNG with transparency are stored as they are; a CMYK JPEG becomes RGB (browsers
show CMYK badly or not at all) and a 16-bit PNG 8-bit (the renditions and every
screen are 8-bit). Refused, each with its own message: HEIC/HEIF and AVIF
(recognised by their ``ftyp`` box; Pillow cannot decode them), and animated
WebP or PNG (the site shows still pictures; keeping the first frame would
publish a frame nobody chose, often a blank one). GIF is refused as a format.
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
from PIL import ImageCms, ImageOps, UnidentifiedImageError

# Pillow format name -> file extension of the stored original.
ACCEPTED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
# Pillow's JPEG decoder names a multi-picture JPEG "MPO"; its first picture is a JPEG.
STORED_AS = {"MPO": "JPEG"}
# ISO base media files (bytes 4-8 "ftyp", then the major brand): the still-image brands.
FTYP_BRANDS = {
    **dict.fromkeys([b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"hevm", b"hevs", b"mif1", b"msf1"], "HEIC"),
    b"avif": "AVIF",
    b"avis": "AVIF",
}


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
    fileobj.seek(0)
    head = fileobj.read(12)
    container = FTYP_BRANDS.get(head[8:12]) if head[4:8] == b"ftyp" else None
    if container:
        raise ValidationError(
            _(
                "This is a %(format)s photo, as iPhones and many other phones save them; it cannot be "
                "published as it is. Export it as JPEG and upload that (on an iPhone: Settings › Camera › "
                "Formats › Most Compatible)."
            ),
            code="heic",
            params={"format": container},
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
    frames = getattr(image, "n_frames", 1)
    if frames > 1 and image.format not in STORED_AS:
        raise ValidationError(
            _(
                "This image is animated (%(frames)s frames); only still pictures can be published. Save the "
                "frame you want as JPEG or PNG and upload that."
            ),
            code="animated",
            params={"frames": frames},
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
    fmt = STORED_AS.get(image.format, image.format)
    icc_profile = image.info.get("icc_profile")
    image = ImageOps.exif_transpose(image)  # applies the Orientation tag, then drops it (MPO: the first picture)
    image, icc_profile = _web_colours(image, icc_profile)
    # Pillow writes a JPEG's comment (COM segment) from the info unless told otherwise; a
    # palette PNG's transparent colour lives there too and is kept.
    image.info = {key: value for key, value in image.info.items() if key == "transparency"}
    options = {"icc_profile": icc_profile} if icc_profile else {}
    if fmt == "JPEG":
        if image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        options.update(quality=90, optimize=True)
    elif fmt == "WEBP":
        options.update(quality=90)
    buffer = BytesIO()
    # No exif=/xmp=/comment= arguments, and the info cleared: no metadata is written.
    image.save(buffer, fmt, **options)
    stem = slugify(PurePath(name).stem)[:60] or "image"
    return CleanImage(ContentFile(buffer.getvalue(), name=f"{stem}.{ACCEPTED_FORMATS[fmt]}"), fmt, *image.size)


def _web_colours(image: PILImage.Image, icc_profile: bytes | None) -> tuple[PILImage.Image, bytes | None]:
    """8-bit colours a browser shows alike everywhere. CMYK (print files, some
    cameras' exports) becomes RGB through its own colour profile when it has
    one, else by Pillow's plain formula; the profile, being CMYK's, is dropped.
    16-bit greyscale (a PNG from a scanner or a camera's raw export) becomes
    8-bit by scaling, not by clipping (which would make it white)."""
    if image.mode == "CMYK":
        if icc_profile:
            try:
                source = ImageCms.ImageCmsProfile(BytesIO(icc_profile))
                return ImageCms.profileToProfile(image, source, ImageCms.createProfile("sRGB"), outputMode="RGB"), None
            except (ImageCms.PyCMSError, OSError):
                pass  # a damaged profile: the plain conversion below
        return image.convert("RGB"), None
    if image.mode in ("I", "I;16", "I;16B", "I;16L"):
        return image.convert("I").point(lambda value: value * (1 / 256)).convert("L"), icc_profile
    return image, icc_profile
