"""What a content page shows at its address in a language its object has no text in (issue 15)."""

from django.utils import translation

from core import canonical
from core.i18n import languages


class OneLanguageMixin:
    """The one behaviour of every content page whose object exists in only some languages.

    For a DetailView of an ``OriginalLanguageModel``: at its address in a language the
    object has no text in, the page is a short notice in the visitor's language ("This
    article is available in 简体中文 only"), with its title in the language it has and a
    link there, instead of a half-translated mix (``noindex``; canonical is the existing
    version). On every version, hreflang alternates name only the languages that exist.
    Lists, feeds and sitemaps leave such objects out by the same rule
    (``SlugQuerySet.in_language``).
    """

    missing_template_name = "core/not_in_this_language.html"

    def available_languages(self):
        return self.object.languages_with_text()

    def is_missing_here(self):
        return not self.object.has_text_in(languages.current())

    def versions_path(self):
        """The page whose language versions the alternates and the notice link to: this one."""
        return self.request.path

    def get_template_names(self):
        if self.is_missing_here():
            return [self.missing_template_name]
        return super().get_template_names()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        available = self.available_languages()
        path = self.versions_path()
        alternates = [alt for alt in canonical.alternates(self.request, path) if alt.code in available]
        context["alternates"] = alternates
        if alternates:
            default = next((alt for alt in alternates if alt.code == languages.DEFAULT), alternates[0])
            context["x_default_url"] = default.url
        if self.is_missing_here() and alternates:
            # One line per written version: Traditional is the Simplified one converted, not a third.
            context["available_versions"] = [
                {"alternate": alt, "title": self._title_in(alt.code)}
                for alt in alternates
                if alt.code in languages.codes()
            ]
            context["canonical_url"] = self.request.build_absolute_uri(alternates[0].url)
            context["object_kind"] = self.object._meta.verbose_name
        return context

    def _title_in(self, code):
        with translation.override(code):
            return str(self.object)
