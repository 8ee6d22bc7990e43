"""The fixed vocabularies of an inquiry. Stored values are ASCII and stable;
labels go through gettext and show in the reader's language."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Status(models.TextChoices):
    NEW = "new", pgettext_lazy("inquiry status", "New")
    ASSIGNED = "assigned", pgettext_lazy("inquiry status", "Assigned")
    ANSWERED = "answered", pgettext_lazy("inquiry status", "Answered")
    CLOSED = "closed", pgettext_lazy("inquiry status", "Closed")


# Still waiting for a reply from staff.
OPEN_STATUSES = (Status.NEW, Status.ASSIGNED)


class Sector(models.TextChoices):
    """The parks' leading industries (see the park pages) and the other sectors
    investors commonly ask about."""

    ELECTRONICS = "electronics", _("Electronic information")
    MACHINERY = "machinery", _("Precision machinery and equipment")
    NEW_ENERGY = "new-energy", _("New energy")
    NEW_MATERIALS = "new-materials", _("New materials")
    TEXTILES = "textiles", _("Textiles and garments")
    BIOMEDICINE = "biomedicine", _("Biomedicine and health")
    FOOD = "food", _("Food and agriculture")
    LOGISTICS = "logistics", _("Logistics and trade")
    SERVICES = "services", _("Services")
    OTHER = "other", pgettext_lazy("sector", "Other")
