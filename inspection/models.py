"""The last inspections and the term list editors keep. Nothing here is shown to visitors."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class InspectionRun(models.Model):
    """One run of the checks (``manage.py inspect_site`` or the admin's button): when, and what it
    found, as the list of findings (``inspection.findings.Finding.as_dict``). The admin page shows
    the newest; older rows are kept for the trend and are small."""

    started_at = models.DateTimeField(_("started"))
    finished_at = models.DateTimeField(_("finished"))
    external = models.BooleanField(_("external links checked"), default=False)
    findings = models.JSONField(_("findings"), default=list)

    class Meta:
        ordering = ["-started_at", "-pk"]
        get_latest_by = "started_at"
        verbose_name = _("inspection run")
        verbose_name_plural = _("inspection runs")
        # Editors hold it (migration 0002): the admin page "Site inspection" and its button.
        permissions = [("inspect_site", _("Can see and run the site inspection"))]

    def __str__(self):
        return f"{self.started_at:%Y-%m-%d %H:%M}"

    def count(self, severity: str) -> int:
        return sum(1 for finding in self.findings if finding["severity"] == severity)


class Term(models.Model):
    """A wrong form and the right one (错别字 / 规范用语): a misspelt name, an outdated official
    name, a leader's wrong title. The inspection lists every published text that contains the
    wrong form, unless it is there only as part of the right one (苏宿工业园 inside 苏宿工业园区).
    ``serious`` marks the errors the checklist vetoes (a wrong official name or title)."""

    wrong = models.CharField(_("wrong form"), max_length=100, unique=True)
    right = models.CharField(_("right form"), max_length=100)
    serious = models.BooleanField(
        _("serious"), default=False, help_text=_("A wrong official name or title: the checklist's veto.")
    )
    note = models.CharField(_("note"), max_length=300, blank=True, help_text=_("Where the right form comes from."))

    class Meta:
        ordering = ["wrong"]
        verbose_name = _("term")
        verbose_name_plural = _("terms")
        constraints = [
            models.CheckConstraint(condition=~models.Q(wrong=""), name="term_wrong_not_empty"),
            models.CheckConstraint(condition=~models.Q(wrong=models.F("right")), name="term_wrong_differs"),
        ]

    def __str__(self):
        return f"{self.wrong} → {self.right}"

    def found_in(self, text: str) -> bool:
        """The wrong form occurs in ``text`` outside every occurrence of the right form."""
        if not text or self.wrong not in text:
            return False
        if self.right and self.wrong in self.right:  # a part of the right form: mask the right form
            text = text.replace(self.right, "\0")
        return self.wrong in text
