"""The site tools' models: each staff member's admin language and the redirects of renamed pages.
(The content models' base classes are in core/models/__init__.py.)"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import Language


class StaffLanguage(models.Model):
    """The language a staff member chose for the admin (core/editorial/admin_language.py): kept per
    user, whatever browser they sign in from, and the language of the e-mails sent to them."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="staff_language",
        verbose_name=_("user"),
    )
    language = models.CharField(_("language"), max_length=10, choices=Language.choices)

    class Meta:
        verbose_name = _("admin language")
        verbose_name_plural = _("admin languages")

    def __str__(self):
        return f"{self.user}: {self.language}"


class Redirect(models.Model):
    """An old address of a renamed page and where it leads now (core/redirects.py): written when
    a public object's slug changes, edited by editors in the admin.

    ``django.contrib.redirects``' model, without its Site: that needs ``django.contrib.sites``,
    whose Site row would then give its domain (example.com) to every link Django builds from the
    "current site": the feeds', the sitemap's, the admin's "View on site". This site has one
    domain per request, its host. Its field names and labels are Django's (translated by Django)."""

    old_path = models.CharField(
        _("redirect from"),
        max_length=200,
        unique=True,
        help_text=_("The old address, without the domain: it starts with /."),
    )
    new_path = models.CharField(
        _("redirect to"),
        max_length=200,
        blank=True,
        help_text=_(
            "Where it leads now: a public page of this site (starting with /) or a full address on another "
            "site. Empty: the page is gone (410)."
        ),
    )

    class Meta:
        verbose_name = _("redirect")
        verbose_name_plural = _("redirects")
        ordering = ["old_path"]

    def __str__(self):
        return f"{self.old_path} → {self.new_path}"
