from modeltranslation.translator import TranslationOptions, register

from facts.models import Source


@register(Source)
class SourceTranslation(TranslationOptions):
    fields = ("title", "publisher")
    required_languages = ("en",)
