from modeltranslation.translator import TranslationOptions, register

from images.models import Image


@register(Image)
class ImageTranslation(TranslationOptions):
    fields = ("alt", "caption", "credit")
    required_languages = ()  # the original language, which differs per row: core.models.OriginalLanguageModel
