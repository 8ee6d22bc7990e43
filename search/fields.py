"""Which columns a model's search reads, as its ``search_weights`` name them."""

from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import get_translation_fields


def search_columns(model, field: str) -> list[str]:
    """The database fields behind one searched field: both language columns
    when the field is translated (``title`` -> ``title_en``, ``title_zh_hans``)."""
    try:
        translated = field in translator.get_options_for_model(model).all_fields
    except NotRegistered:
        translated = False
    return get_translation_fields(field) if translated else [field]


def search_tiers(model) -> list[tuple[int, list[str]]]:
    """The model's searched columns grouped by weight, highest first:
    ``[(3, ["title_en", "title_zh_hans"]), (2, [...summary...]), (1, [...body...])]``."""
    weights = model.search_weights
    return [
        (weight, [column for field, w in weights.items() if w == weight for column in search_columns(model, field)])
        for weight in sorted(set(weights.values()), reverse=True)
    ]


def searchable_models():
    from django.apps import apps

    return [model for model in apps.get_models() if getattr(model, "search_weights", None)]


def document_column(weight: int) -> str:
    return f"search_document_{weight}"


def fts_tables(model) -> dict[int, str]:
    return {weight: f"{model._meta.db_table}_search_{weight}" for weight, _columns in search_tiers(model)}
