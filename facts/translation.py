from modeltranslation.translator import TranslationOptions, register

from facts.models import KeyFigure, Milestone, Source


@register(Source)
class SourceTranslation(TranslationOptions):
    fields = ("title", "publisher")
    required_languages = ()  # the original language, which differs per row: core.models.OriginalLanguageModel


@register(KeyFigure)
class KeyFigureTranslation(TranslationOptions):
    fields = ("label",)
    required_languages = ()  # the original language, which differs per row: core.models.OriginalLanguageModel


@register(Milestone)
class MilestoneTranslation(TranslationOptions):
    fields = ("title", "description")
    required_languages = ()  # the original language, which differs per row: core.models.OriginalLanguageModel
