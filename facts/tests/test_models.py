import datetime

import pytest
from django.db import IntegrityError

from core.models import DatePrecision
from facts.models import AssessmentResult
from facts.tests.factories import AssessmentResultFactory, KeyFigureFactory, MilestoneFactory
from parks.tests.factories import ParkFactory


@pytest.mark.django_db
def test_dates_are_stored_as_precisely_as_they_are_known():
    milestone = MilestoneFactory(date=datetime.date(2008, 7, 15), date_precision=DatePrecision.MONTH)
    figure = KeyFigureFactory(as_of=datetime.date(2016, 6, 30), as_of_precision=DatePrecision.YEAR)
    milestone.refresh_from_db()
    figure.refresh_from_db()
    assert milestone.date == datetime.date(2008, 7, 1)
    assert figure.as_of == datetime.date(2016, 1, 1)


@pytest.mark.django_db
@pytest.mark.parametrize("factory", [KeyFigureFactory, MilestoneFactory])
def test_english_text_is_required_by_the_database(factory):
    field = "label" if factory is KeyFigureFactory else "title"
    with pytest.raises(IntegrityError):
        factory(**{f"{field}_en": "", f"{field}_zh_hans": "只有中文"})


@pytest.mark.django_db
def test_a_park_has_one_result_per_year():
    park = ParkFactory()
    AssessmentResultFactory(park=park, year=2019)
    with pytest.raises(IntegrityError):
        AssessmentResultFactory(park=park, year=2019)


@pytest.mark.django_db
def test_a_rank_cannot_exceed_the_number_of_parks():
    with pytest.raises(IntegrityError):
        AssessmentResultFactory(rank=46, out_of=45)


@pytest.mark.django_db
def test_assessment_results_are_found_by_park_and_year():
    result = AssessmentResultFactory(park=ParkFactory(slug="ssip"), year=2019)
    assert result.natural_key() == ("ssip", 2019)
    assert AssessmentResult.objects.get_by_natural_key("ssip", 2019) == result
