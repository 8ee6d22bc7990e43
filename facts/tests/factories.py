import datetime

import factory

from facts.models import AssessmentResult, KeyFigure, Milestone, Source
from parks.tests.factories import ParkFactory


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source
        django_get_or_create = ["slug"]

    slug = factory.Sequence(lambda n: f"source-{n}")
    title_en = factory.Sequence(lambda n: f"Report {n}")
    title_zh_hans = factory.Sequence(lambda n: f"报道{n}")
    publisher_en = "Example Daily"
    publisher_zh_hans = "示例日报"
    url = factory.Sequence(lambda n: f"https://example.org/report-{n}")
    published_on = datetime.date(2023, 10, 11)


class KeyFigureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = KeyFigure

    slug = factory.Sequence(lambda n: f"figure-{n}")
    label_en = factory.Sequence(lambda n: f"Figure label {n}")
    label_zh_hans = factory.Sequence(lambda n: f"数据名称{n}")
    value = "980"
    unit = KeyFigure.Unit.PROJECTS
    as_of = datetime.date(2023, 10, 11)
    source = factory.SubFactory(SourceFactory)


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Milestone

    slug = factory.Sequence(lambda n: f"milestone-{n}")
    date = datetime.date(2011, 1, 1)
    date_precision = "year"
    title_en = factory.Sequence(lambda n: f"Milestone {n}")
    title_zh_hans = factory.Sequence(lambda n: f"大事{n}")
    source = factory.SubFactory(SourceFactory)


class AssessmentResultFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AssessmentResult

    park = factory.SubFactory(ParkFactory)
    year = factory.Sequence(lambda n: 1990 + n)
    rank = 1
    out_of = 45
    source = factory.SubFactory(SourceFactory)
