"""Admin pages that span several models."""

from django.contrib import admin
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from modeltranslation.translator import translator

from core import translation_status
from core.i18n import languages


class MissingTranslationsView(TemplateView):
    """Every public object of every translated model that lacks a language,
    linked to its edit form: the translators' work list. Models come from
    modeltranslation's registry, so new translated models appear here by
    themselves once they are in the admin."""

    template_name = "admin/missing_translations.html"
    admin_site = admin.site

    def get_context_data(self, **kwargs):
        request = self.request
        sections = []
        for model in translator.get_registered_models(abstract=False):
            model_admin = self.admin_site._registry.get(model)
            if model_admin is None or not model_admin.has_view_or_change_permission(request):
                continue
            queryset = translation_status.public_queryset(model).filter(translation_status.any_missing_q(model))
            rows = []
            for obj in queryset:
                opts = obj._meta
                try:
                    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
                except NoReverseMatch:
                    url = None
                missing = translation_status.missing_languages(obj)
                rows.append({"object": obj, "url": url, "missing": [languages.SHORT_NAMES[c] for c in missing]})
            sections.append({"name": model._meta.verbose_name_plural, "rows": rows})
        return super().get_context_data(
            **self.admin_site.each_context(request),
            title=_("Missing translations"),
            sections=sections,
            **kwargs,
        )
