from modeltranslation.translator import TranslationOptions, register

from documents.models import Document


@register(Document)
class DocumentTranslation(TranslationOptions):
    fields = ("title", "description", "issuing_body")
    required_languages = ()  # the original language, which differs per row: core.models.OriginalLanguageModel
