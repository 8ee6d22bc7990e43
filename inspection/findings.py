"""What a check reports: one ``Finding`` per problem, with the checklist's severity."""

from dataclasses import asdict, dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class Severity(models.TextChoices):
    # The checklist's three outcomes, worst first (政府网站与政务新媒体检查指标).
    VETO = "veto", _("Veto (单项否决)")
    DEDUCT = "deduct", _("Points deducted (扣分)")
    NOTICE = "notice", _("Notice (提示)")


ORDER = [Severity.VETO, Severity.DEDUCT, Severity.NOTICE]


@dataclass(frozen=True)
class Finding:
    check: str  # the check's name: "home", "column", "blank", "link", "external", "document", …
    severity: str  # a Severity value
    language: str  # the written language concerned ("en", "zh-hans"), or "" for none
    url: str  # the public page, "" when there is none
    admin_url: str  # where an editor fixes it, "" when nowhere
    message: str  # what is wrong and what to do, in the language active when the check ran
    label: str = ""  # the object: its title or name

    def as_dict(self) -> dict:
        return {key: str(value) for key, value in asdict(self).items()}
