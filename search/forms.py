from django import forms
from django.utils.translation import gettext_lazy as _

from search.terms import MAX_QUERY_LENGTH


class QueryField(forms.CharField):
    """Text as typed, without NUL characters: they cannot be searched for
    (PostgreSQL cannot even store them), and a visitor never means them."""

    def to_python(self, value):
        return super().to_python(value).replace("\x00", "")


class SearchForm(forms.Form):
    """The query. Never refused: a query longer than MAX_QUERY_LENGTH is cut
    (``was_cut`` says so, for the page to tell the visitor in their language)."""

    q = QueryField(
        label=_("Search"),
        required=False,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off", "maxlength": MAX_QUERY_LENGTH}),
    )
    was_cut = False

    def clean_q(self):
        query = self.cleaned_data["q"]
        self.was_cut = len(query) > MAX_QUERY_LENGTH
        return query[:MAX_QUERY_LENGTH].strip()
