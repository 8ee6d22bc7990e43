from modeltranslation.translator import TranslationOptions, register

from parks.models import Park


@register(Park)
class ParkTranslation(TranslationOptions):
    fields = ("name", "short_name", "summary", "description", "host_name", "partner_name", "leading_industries")
    required_languages = ()  # the original language, which differs per row: core.models.OriginalLanguageModel
