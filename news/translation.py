from modeltranslation.translator import TranslationOptions, register

from news.models import Article


@register(Article)
class ArticleTranslation(TranslationOptions):
    fields = ("title", "summary", "body", "source_name")
    required_languages = ()  # the original language, which differs per row: core.models.OriginalLanguageModel
