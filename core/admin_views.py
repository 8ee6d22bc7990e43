"""Admin pages that span several models: the content types' declarations (core/registry.py) say
which models, so this module names no app."""

from django.contrib import admin
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from core import registry, translation_status
from core.i18n import languages


def change_url(obj):
    opts = obj._meta
    try:
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    except NoReverseMatch:
        return None


class ContentTypesAdminView(TemplateView):
    """A page listing objects of every declared content type the staff member may see in the admin."""

    admin_site = admin.site
    title = None

    def visible_types(self):
        for content_type in registry.content_types():
            model_admin = self.admin_site._registry.get(content_type.model)
            if model_admin is not None and model_admin.has_view_or_change_permission(self.request):
                yield content_type

    def get_context_data(self, **kwargs):
        return super().get_context_data(**self.admin_site.each_context(self.request), title=self.title, **kwargs)


class MissingTranslationsView(ContentTypesAdminView):
    """Every public object of every translated content type that lacks a language, linked to its
    edit form: the translators' work list."""

    template_name = "admin/missing_translations.html"
    title = _("Missing translations")

    def get_context_data(self, **kwargs):
        sections = []
        for content_type in self.visible_types():
            model = content_type.model
            if not translation_status.translated_fields(model):
                continue
            rows = [
                {
                    "object": obj,
                    "url": change_url(obj),
                    "missing": [languages.SHORT_NAMES[code] for code in translation_status.missing_languages(obj)],
                }
                for obj in content_type.public().filter(translation_status.any_missing_q(model))
            ]
            sections.append({"name": model._meta.verbose_name_plural, "rows": rows})
        return super().get_context_data(sections=sections, **kwargs)


class MissingSourcesView(ContentTypesAdminView):
    """/admin/sources-missing/: what the public pages leave out because no source gives it yet.

    The public pages show only what is known, each fact with its source; the gaps each content type
    declares (``gaps``) are listed here, for editors, each linked to its edit form."""

    template_name = "admin/missing_sources.html"
    title = _("Missing sources and facts")

    def get_context_data(self, **kwargs):
        sections = {}
        for content_type in self.visible_types():
            if content_type.gaps is None:
                continue
            for obj, missing in content_type.gaps(content_type.public()):
                if missing:
                    rows = sections.setdefault(content_type.model._meta.verbose_name_plural, [])
                    rows.append({"object": obj, "url": change_url(obj), "missing": missing})
        return super().get_context_data(sections=sections, **kwargs)
