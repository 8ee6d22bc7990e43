"""Which languages of a translated object are complete, for any model
registered with modeltranslation (read from its registry, so a model added
later is covered as soon as it has a translation.py).

A language is *missing* on an object when some translated field has text in
another language but none in this one. An optional field left empty in every
language (a park without a description) is not a missing translation.
"""

from functools import reduce
from operator import or_

from django.db.models import Q
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname

from core.i18n import languages


def translated_fields(model) -> list[str]:
    """Base names of the model's translated fields (``title``, ``body``…)."""
    try:
        return list(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        return []


def _empty(column: str) -> Q:
    return Q(**{f"{column}__isnull": True}) | Q(**{column: ""})


def _filled(column: str) -> Q:
    return Q(**{f"{column}__isnull": False}) & ~Q(**{column: ""})


def missing_q(model, code: str) -> Q:
    """Rows whose ``code`` translation is missing (see the module docstring).
    Fallback does not apply in queries, so each language column is named."""
    conditions = []
    for field in translated_fields(model):
        others = [_filled(build_localized_fieldname(field, other)) for other in languages.codes() if other != code]
        if others:
            conditions.append(_empty(build_localized_fieldname(field, code)) & reduce(or_, others))
    return reduce(or_, conditions) if conditions else Q(pk__in=[])


def any_missing_q(model) -> Q:
    return reduce(or_, (missing_q(model, code) for code in languages.codes()))


def missing_languages(obj) -> list[str]:
    """The language codes missing on ``obj``, from its loaded values (no query)."""
    fields = translated_fields(type(obj))
    missing = []
    for code in languages.codes():
        for field in fields:
            here = getattr(obj, build_localized_fieldname(field, code))
            elsewhere = any(
                getattr(obj, build_localized_fieldname(field, other)) for other in languages.codes() if other != code
            )
            if not here and elsewhere:
                missing.append(code)
                break
    return missing
