"""Who runs the portal: one row of site details that editors fill in the admin.

Shown on /about/, in the footer and beside the contact form, each line only once it is
filled: the fixtures leave them empty, because an address or a filing number must never
be invented. The ICP filing (备案) number and the public-security filing number are what a
site hosted in mainland China must show in its footer, linked to the registries.
"""

import re

from django.db import models
from django.utils.translation import gettext_lazy as _

ICP_REGISTRY_URL = "https://beian.miit.gov.cn/"
PSB_REGISTRY_URL = "https://beian.mps.gov.cn/#/query/webSearch?code={code}"


class SiteSettingsManager(models.Manager):
    def get_by_natural_key(self, key):
        found = self.order_by("pk").first()
        if found is None:
            raise self.model.DoesNotExist
        return found


class SiteSettings(models.Model):
    """The single row of site details; ``SiteSettings.load()`` returns it. Its natural key
    is the constant ``("site",)``, so backups (export_content) carry it like any content."""

    organiser = models.CharField(_("organiser"), max_length=200, blank=True, help_text=_("Who runs the site."))
    address = models.TextField(_("postal address"), max_length=500, blank=True)
    # Room for more than one number ("0512-… / 0527-…") and an extension.
    telephone = models.CharField(_("telephone"), max_length=100, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    about = models.TextField(
        _("about this site"), blank=True, help_text=_("Plain text for the About page; blank lines separate paragraphs.")
    )
    icp_number = models.CharField(
        _("ICP filing number"), max_length=100, blank=True, help_text=_("As issued, e.g. “苏ICP备12345678号-1”.")
    )
    psb_number = models.CharField(
        _("public-security filing number"),
        max_length=100,
        blank=True,
        help_text=_("As issued, e.g. “苏公网安备32000000000000号”."),
    )
    # Review before publishing (core/workflow/): two steps (a Reviewer, then an Approver's sign-off)
    # or one (sign-off only).
    review_steps = models.PositiveSmallIntegerField(
        _("review steps"),
        choices=[(2, _("Two: review, then sign-off")), (1, _("One: sign-off only"))],
        default=2,
        help_text=_("How many people check a change before it is published (信息发布审核)."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = SiteSettingsManager()

    class Meta:
        verbose_name = _("site details")
        verbose_name_plural = _("site details")

    def __str__(self):
        return str(self._meta.verbose_name)

    def save(self, *args, **kwargs):
        if self.pk is None:  # one row only: a new object replaces the existing row
            self.pk = type(self).objects.order_by("pk").values_list("pk", flat=True).first()
        super().save(*args, **kwargs)

    def natural_key(self):
        return ("site",)

    @classmethod
    def load(cls):
        """The row, or an empty unsaved one (nothing is shown until editors fill it in)."""
        return cls.objects.order_by("pk").first() or cls()

    @property
    def has_contact(self):
        return bool(self.organiser or self.address or self.telephone or self.email)

    @property
    def psb_url(self):
        """The registry's page for the number (its digits), as Chinese sites link it."""
        code = re.sub(r"\D", "", self.psb_number)
        return PSB_REGISTRY_URL.format(code=code) if code else ""

    icp_url = ICP_REGISTRY_URL
