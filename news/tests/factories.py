import datetime

import factory
from django.utils import timezone

from news.models import Article


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"article-{n}")
    title_en = factory.Sequence(lambda n: f"English headline {n}")
    title_zh_hans = factory.Sequence(lambda n: f"中文标题{n}")
    summary_en = "An English summary."
    summary_zh_hans = "中文摘要。"
    body_en = "<p>English body.</p>"
    body_zh_hans = "<p>中文正文。</p>"
    status = Article.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))

    @factory.post_generation
    def parks(self, create, extracted, **kwargs):
        if create and extracted:
            self.parks.set(extracted)
