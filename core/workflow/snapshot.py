"""An item's editable fields as a revision stores them, put back on an object, and compared.

``data`` maps each field's ``attname`` to its value as Django's serializers write it (a string,
a number or None; a file by its stored name) and each many-to-many field's name to a sorted list
of keys. modeltranslation's base fields (``title``: it reads the active language) are left out:
the language columns (``title_en``, ``title_zh_hans``) are there.
"""

import datetime
import difflib
import re

from django.db import models
from django.utils import formats, timezone
from django.utils.encoding import is_protected_type
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import capfirst

from core.history import localized_label, normalised
from core.translation_status import translated_fields

# Kept by the item itself, never by a revision.
UNTRACKED = {"created_at", "updated_at"}


def tracked_fields(model) -> list:
    """The concrete fields a revision carries."""
    shadows = set(translated_fields(model))
    return [
        field
        for field in model._meta.concrete_fields
        if not field.primary_key and field.name not in shadows and field.name not in UNTRACKED
    ]


def m2m_fields(model) -> list:
    return [field for field in model._meta.many_to_many if field.editable]


def _value(field, obj):
    value = field.value_from_object(obj)
    if isinstance(field, models.FileField):
        return value.name or ""
    if is_protected_type(value):
        return value
    return field.value_to_string(obj)


def take(obj, links: dict | None = None) -> dict:
    """``obj`` as it is now in memory; many-to-many keys from ``links`` (a form's cleaned data),
    else from the object (a revision put on it, or the stored links)."""
    links = links or {}
    data = {field.attname: _value(field, obj) for field in tracked_fields(type(obj))}
    for field in m2m_fields(type(obj)):
        if field.name in links:
            data[field.name] = sorted(item.pk for item in links[field.name])
        elif obj.pk is not None:
            data[field.name] = sorted(item.pk for item in getattr(obj, field.name).all())
        else:
            data[field.name] = []
    return data


def commit_files(obj):
    """Uploads chosen in the form go to storage now, so that the revision can name them. A model
    that derives fields from an upload (its size, its kind) does so in ``prepare_upload()``, which
    is called first."""
    if hasattr(obj, "prepare_upload"):
        obj.prepare_upload()
    for field in tracked_fields(type(obj)):
        if isinstance(field, models.FileField):
            file = getattr(obj, field.attname)
            if file and not file._committed:
                file.save(file.name, file.file, save=False)


def put(obj, data: dict):
    """Sets ``data`` on ``obj`` in memory; its many-to-many links read from ``data`` too (as if
    prefetched), without writing anything."""
    for field in tracked_fields(type(obj)):
        if field.attname in data:
            value = data[field.attname]
            setattr(obj, field.attname, None if value is None else field.to_python(value))
    cache = obj.__dict__.setdefault("_prefetched_objects_cache", {})
    for field in m2m_fields(type(obj)):
        if field.name in data:
            cache[field.name] = field.related_model._default_manager.filter(pk__in=data[field.name])
    return obj


def write_links(obj, data: dict):
    """After ``obj`` is saved: its many-to-many links as ``data`` has them."""
    obj.__dict__.get("_prefetched_objects_cache", {}).clear()
    for field in m2m_fields(type(obj)):
        if field.name in data:
            getattr(obj, field.name).set(data[field.name])


def label(field) -> str:
    if getattr(field, "translated_field", None) is not None:
        return localized_label(field.translated_field.verbose_name, field.language)
    return capfirst(field.verbose_name)


def _python(field, value):
    """``value`` as the field's Python value (a revision stores datetimes as ISO strings)."""
    if value in (None, "") or field.many_to_many:
        return value
    try:
        return field.to_python(value)
    except Exception:  # noqa: BLE001 - shown as stored
        return value


def _shown(field, value):
    """A value as an editor reads it: a choice's label, a linked object's name, a time in the
    site's zone."""
    if value in (None, "", []):
        return ""
    value = _python(field, value)
    if isinstance(value, datetime.datetime):
        return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return formats.date_format(value, "DATE_FORMAT")
    if field.many_to_many or field.is_relation:
        keys = value if isinstance(value, list) else [value]
        found = {str(o.pk): str(o) for o in field.related_model._default_manager.filter(pk__in=keys)}
        return ", ".join(found.get(str(k), str(k)) for k in keys)
    if field.choices:
        return str(dict(field.flatchoices).get(field.to_python(value), value))
    return normalised(str(value)) if isinstance(value, str) else str(value)


def changes(model, before: dict, after: dict) -> list[list[str]]:
    """``[[label, before, after], …]`` for each field whose value differs (line endings aside)."""
    rows = []
    for field in [*tracked_fields(model), *m2m_fields(model)]:
        key = field.name if field.many_to_many else field.attname
        if key not in after:
            continue
        old, new = before.get(key), after[key]
        if _comparable(_python(field, old)) == _comparable(_python(field, new)):
            continue
        rows.append([label(field), _shown(field, old), _shown(field, new)])
    return rows


def _comparable(value):
    if isinstance(value, str):
        return normalised(value)
    if value == "":
        return None
    return value


# A word of Latin script, one Chinese character, a run of spaces, one other sign.
_TOKENS = re.compile(r"[A-Za-z0-9_]+|\s+|.", re.S)


def inline_diff(old: str, new: str) -> tuple[str, str]:
    """``old`` with what was removed in <del>, and ``new`` with what was added in <ins>, word by word
    (character by character in Chinese), escaped."""
    a, b = _TOKENS.findall(old or ""), _TOKENS.findall(new or "")
    before, after = [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        removed, added = escape("".join(a[i1:i2])), escape("".join(b[j1:j2]))
        if op == "equal":
            before.append(removed)
            after.append(added)
            continue
        if removed:
            before.append(f"<del>{removed}</del>")
        if added:
            after.append(f"<ins>{added}</ins>")
    return mark_safe("".join(before)), mark_safe("".join(after))  # noqa: S308 - every piece is escaped above
