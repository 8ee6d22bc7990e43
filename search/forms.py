from django import forms
from django.utils.translation import gettext_lazy as _

from core.search import MAX_QUERY_LENGTH


class SearchForm(forms.Form):
    """The query, validated: at most MAX_QUERY_LENGTH characters, no NUL
    (Django's CharField refuses it; PostgreSQL could not store it either)."""

    q = forms.CharField(
        label=_("Search"),
        max_length=MAX_QUERY_LENGTH,
        required=False,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
