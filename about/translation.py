from modeltranslation.translator import TranslationOptions, register

from about.models import SiteSettings


@register(SiteSettings)
class SiteSettingsTranslation(TranslationOptions):
    # The filing numbers, telephone and e-mail are the same in both languages.
    fields = ("organiser", "address", "about")
