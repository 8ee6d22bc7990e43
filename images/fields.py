"""How content points at its picture: one optional image per object."""

from django.db import models
from django.utils.translation import gettext_lazy as _


def image_field(help_text):
    """The ``image`` foreign key of a content model (park, article, enterprise):
    optional, and cleared rather than cascading when the image is deleted."""
    return models.ForeignKey(
        "images.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=help_text,
    )
