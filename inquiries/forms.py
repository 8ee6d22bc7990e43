from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.i18n import languages
from inquiries.choices import Sector
from inquiries.models import Inquiry


class HoneypotInput(forms.TextInput):
    """A text box for bots only: hidden from people by CSS (``.hp``), from screen
    readers by ``aria-hidden`` on its wrapper, from the keyboard by ``tabindex``,
    from autofill by ``autocomplete``. Never renders a value back, so a person
    whose browser filled it anyway can simply send again."""

    def __init__(self):
        super().__init__(attrs={"tabindex": "-1", "autocomplete": "off"})

    def format_value(self, value):
        return None


class InquiryForm(forms.ModelForm):
    # Named like a field bots love to fill; people never see it.
    website = forms.CharField(label=_("Leave this field empty"), required=False, max_length=200, widget=HoneypotInput)
    consent = forms.BooleanField(
        label=_("I agree that the details I give here are stored and used to answer my inquiry, as described above."),
        error_messages={"required": _("We can answer only if you agree to this.")},
    )

    class Meta:
        model = Inquiry
        fields = ["name", "organisation", "email", "phone", "country", "parks", "sector", "message"]
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
            "country": forms.TextInput(attrs={"autocomplete": "country-name"}),
            "parks": forms.CheckboxSelectMultiple,
            "message": forms.Textarea(attrs={"rows": 8}),
        }

    honeypot_message = _(
        "Your inquiry was not sent: a field meant to stay empty was filled in, as automated spam does. "
        "If you are a person, please check your details and send the form again."
    )

    def __init__(self, *args, **kwargs):
        # Labels sit above their boxes: no colon, which also spares Chinese a half-width one.
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["sector"].choices = [("", _("Choose a sector")), *Sector.choices]

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("website"):
            raise ValidationError(self.honeypot_message, code="honeypot")
        return cleaned_data

    @property
    def caught_by_honeypot(self):
        return self.has_error(NON_FIELD_ERRORS, code="honeypot")

    def save(self, commit=True):
        self.instance.language = languages.current()  # zh-hant too: staff may answer in Traditional
        self.instance.consented_at = timezone.now()
        return super().save(commit)
