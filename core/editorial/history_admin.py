"""django-simple-history's admin, with a malformed id in its URLs a 404.

Django's own change, delete and history views look an object up with
``ModelAdmin.get_object()``, which takes an id that is not a valid primary key
(``abc``, ``1.5``) for a missing object. simple-history's history list and its
``history/<history_id>/`` page pass the id straight to a query instead, and the
field's ``ValueError`` was a 500 (issue 23: ``/admin/news/article/1/history/abc/``).
Every content admin with history inherits this class instead of simple-history's.
"""

from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.http import Http404
from simple_history.admin import SimpleHistoryAdmin as BaseSimpleHistoryAdmin


def require_valid_pk(model, value: str):
    """Raise Http404 unless ``value`` (from a URL) can be ``model``'s primary key:
    of the field's type and, for an integer, within what the database can store
    (the field's validators hold the database's range)."""
    field = model._meta.pk
    try:
        field.run_validators(field.to_python(unquote(value)))
    except ValidationError:
        raise Http404(f"No {model._meta.verbose_name} has the id {value!r}.") from None


class SimpleHistoryAdmin(BaseSimpleHistoryAdmin):
    def history_view(self, request, object_id, extra_context=None):
        require_valid_pk(self.model, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        require_valid_pk(self.model, object_id)
        history = getattr(self.model, self.model._meta.simple_history_manager_attribute)
        require_valid_pk(history.model, version_id)
        return super().history_form_view(request, object_id, version_id, extra_context)
