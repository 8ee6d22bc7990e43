from urllib.parse import urlencode

from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView

from search.forms import SearchForm
from search.sources import SearchResults
from search.terms import MAX_QUERY_LENGTH, parse_query

# Shown on the search page before anything is searched: queries that find
# something, in the page's language (the .po file has the Chinese ones).
EXAMPLES = [_("Suqian"), _("Nichicon"), _("industrial park"), _("Hengli"), _("people employed")]


class SearchView(ListView):
    """/<lang>/search/?q=: parks, published articles, enterprises, sources and
    key figures that contain every term, in either language, ranked; snippets
    in the page's language. Without a query: what can be searched, with examples;
    with a query of punctuation alone: "enter a word", and the same examples."""

    template_name = "search/results.html"
    context_object_name = "results"
    paginate_by = 10

    def get_queryset(self):
        self.form = SearchForm(self.request.GET)
        self.query = self.form.cleaned_data["q"] if self.form.is_valid() else ""
        terms = parse_query(self.query)
        # Typed, but nothing in it to look for (%, ……): the page asks for a word, and no
        # database is asked (a term no index holds would mean reading every text).
        self.needs_word = bool(self.query) and not terms
        self.results = SearchResults(terms) if terms else None
        return self.results if self.results is not None else []

    def get_context_data(self, **kwargs):
        suggestion = self.results.suggestion() if self.results is not None else None
        return super().get_context_data(
            form=self.form,
            query=self.query,
            searched=self.results is not None,
            needs_word=self.needs_word,
            query_was_cut=self.form.was_cut,
            max_query_length=MAX_QUERY_LENGTH,
            suggestion=suggestion,
            results_more=self.results is not None and self.results.more,
            suggestion_url=f"?{urlencode({'q': suggestion})}" if suggestion else "",
            examples=[(example, f"?{urlencode({'q': str(example)})}") for example in EXAMPLES],
            **kwargs,
        )
