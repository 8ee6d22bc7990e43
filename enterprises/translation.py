from modeltranslation.translator import TranslationOptions, register

from enterprises.models import Enterprise


@register(Enterprise)
class EnterpriseTranslation(TranslationOptions):
    fields = ("name", "origin", "sector", "description", "came_from")
    required_languages = ()  # the original language, which differs per row: core.models.OriginalLanguageModel
