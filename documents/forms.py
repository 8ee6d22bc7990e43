from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from parks.models import Park


class DocumentFilterForm(forms.Form):
    """The documents list's filters, from the query string: ?park=<slug>&year=2023 (as news)."""

    park = forms.ModelChoiceField(
        label=_("Park"), queryset=Park.objects.all(), to_field_name="slug", required=False, empty_label=_("All parks")
    )
    year = forms.TypedChoiceField(
        label=pgettext_lazy("news filter", "Year"), coerce=int, empty_value=None, required=False
    )

    def __init__(self, *args, years: list[int], **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
        self.fields["year"].choices = [("", _("All years")), *((year, year) for year in years)]
