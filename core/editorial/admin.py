"""What every content model's admin shares: roles (fields only editors may
change), the rich-text editor, edits that cross, and the translation status of each row.

Use by listing the mixins before the admin base class::

    class ArticleAdmin(EditorialAdminMixin, TranslationStatusAdminMixin, TabbedTranslationAdmin): ...

(``TranslationStatusAdminMixin``: core/editorial/translations.py.)
"""

from django.contrib import messages
from django.contrib.auth import get_permission_codename
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from core import translation_status
from core.editorial import concurrency
from core.editorial.widgets import RichTextEditor
from core.history import TranslatedHistoryContextHelper, localized_label, normalised
from core.i18n import languages
from core.workflow.admin import WorkflowAdminMixin


class EditorialAdminMixin(WorkflowAdminMixin):
    """What every content admin shares.

    **Roles.** Users holding ``lock_permission`` (default: the model's delete
    permission, which Editors have and Translators do not) change everything.
    Everyone else changes text only: every field that is not a translation
    column (``title_en``, ``title_zh_hans``…) — slug, status, publication
    time, original language, parks, image, figures, coordinates — is read-only
    in the form, ``save_model`` puts back the stored values, so a crafted POST
    cannot change them either, and ``list_editable`` columns are plain text.
    Restoring an old version may change them too, so it is for the same users.

    **Lost updates.** A change form carries a fingerprint of the object as it
    was shown (``core.editorial.concurrency``); saving over a version someone else has
    saved since is refused with who and when, and the form keeps what was typed.
    A ``singleton`` (one row, e.g. the site details) guards its add form too:
    two editors who both open it before the row exists must not overwrite each
    other either.

    ``rich_text_fields`` (base names, e.g. ``("body",)``) get the rich-text
    editor in every language.

    **Review.** Saving goes through the review workflow (core/workflow/admin.py).
    """

    lock_permission = None
    rich_text_fields = ()
    singleton = False

    def may_change_locked_fields(self, request):
        opts = self.model._meta
        permission = self.lock_permission or f"{opts.app_label}.{get_permission_codename('delete', opts)}"
        return request.user.has_perm(permission) or self.writes_whole_items(request)

    def text_fields(self):
        """The translation columns: what a Translator may change."""
        return {
            build_localized_fieldname(base, code)
            for base in translation_status.translated_fields(self.model)
            for code in languages.codes()
        }

    def non_text_fields(self):
        """Every editable field of the form that is not a translation column."""
        bases = set(translation_status.translated_fields(self.model))
        text = self.text_fields()
        return [
            field.name
            for field in self.model._meta.get_fields()
            if (field.concrete or field.many_to_many)
            and not field.auto_created
            and field.editable
            and field.name not in bases
            and field.name not in text
        ]

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not self.may_change_locked_fields(request):
            fields += [name for name in self.non_text_fields() if name not in fields]
        return fields

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is not None:
            return fieldsets
        # An add form: nothing has been created or updated yet, so no times to show.
        unset = {"created_at", "updated_at"}
        return [
            (name, {**options, "fields": [f for f in options["fields"] if f not in unset]})
            for name, options in fieldsets
        ]

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        """A browser cannot send a file again by itself: when a form with an upload comes back
        with errors, say plainly that the file must be chosen again."""
        form = context.get("adminform") and context["adminform"].form
        if request.method == "POST" and request.FILES and form is not None and form.errors:
            names = ", ".join(upload.name for upload in request.FILES.values())
            messages.warning(
                request,
                _("The file %(names)s was not kept because the form has errors: choose it again before saving.")
                % {"names": names},
            )
        if form is not None and any(isinstance(field.widget, RichTextEditor) for field in form.fields.values()):
            allow_inline_styles(request)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        if not self.may_change_locked_fields(request):
            changelist.list_editable = ()
        return changelist

    def get_actions(self, request):
        actions = super().get_actions(request)
        return actions if self.may_change_locked_fields(request) else {}

    def get_form(self, request, obj=None, **kwargs):
        # Not for the form ModelAdmin.get_fields() builds (fields=None) to list the fields.
        guard = (obj is not None or self.singleton) and kwargs.get("fields", ()) is not None
        form = type((form := super().get_form(request, obj, **kwargs)).__name__, (LineEndingsForm, form), {})
        return concurrency.guarded_form(form) if guard else form

    def add_view(self, request, form_url="", extra_context=None):
        opts = self.model._meta
        may_add = request.user.has_perm(f"{opts.app_label}.{get_permission_codename('add', opts)}")
        existing = self.singleton and may_add and self.model._default_manager.order_by("pk").first()
        if existing and request.method == "POST":
            # The form was opened before someone else created the row: its fingerprint is the
            # empty row's, so the guard refuses this save as a change of the row, saying who and
            # when, and shows the form again with what was typed (instead of a bare 403).
            return self.changeform_view(request, str(existing.pk), form_url, extra_context)
        return super().add_view(request, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        if not self.may_change_locked_fields(request) and getattr(obj, "_revision", None) is None:
            # (Read-only fields are not in the form: a revision's values stay as it has them.)
            self.keep_locked_values(obj, change)
        if change and form is not None and not form.has_changed():
            # Saved as it was shown: no version in history ("No fields changed" in the admin log).
            obj.skip_history_when_saving = True
        super().save_model(request, obj, form, change)

    def keep_locked_values(self, obj, change):
        names = [n for n in self.non_text_fields() if not obj._meta.get_field(n).many_to_many]
        if change:
            stored = type(obj)._default_manager.get(pk=obj.pk)
            for name in names:
                setattr(obj, obj._meta.get_field(name).attname, getattr(stored, obj._meta.get_field(name).attname))
        else:
            for name in names:
                field = obj._meta.get_field(name)
                if field.has_default():
                    setattr(obj, field.attname, field.get_default())

    def patch_translation_field(self, db_field, field, request, **kwargs):
        """modeltranslation requires the English field wherever the model field is
        required; here the required language is the row's original language, which
        the model checks (core.models.OriginalLanguageModel.clean). Its labels say
        "标题 [zh-hans]": name the language as the tabs do ("标题 [中文]")."""
        super().patch_translation_field(db_field, field, request, **kwargs)
        if hasattr(db_field, "translated_field"):
            field.required = False
            field.label = localized_label(db_field.translated_field.verbose_name, db_field.language)

    class Media:
        # One language switch per form, named English / 中文, and the side-by-side view.
        css = {"all": ["admin-editor/languages.css"]}
        js = ["admin-editor/languages.js"]

    # History: translated headers, field names and values (core/history.py).
    def get_historical_record_context_helper(self, request, historical_record):
        return TranslatedHistoryContextHelper(self.model, historical_record)

    # Restoring a version (django-simple-history's revert form).
    def revert_disabled(self, request, obj=None):
        return super().revert_disabled(request, obj) or not self.may_change_locked_fields(request)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if not self.may_change_locked_fields(request):
            raise PermissionDenied
        if self.rich_text_fields:  # the revert form shows the editor too
            allow_inline_styles(request)
        return super().history_form_view(request, object_id, version_id, extra_context)

    # Rich text.
    def is_rich_text(self, field_name):
        names = set(self.rich_text_fields)
        names |= {build_localized_fieldname(base, code) for base in self.rich_text_fields for code in languages.codes()}
        return field_name in names

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if self.is_rich_text(db_field.name):
            kwargs["widget"] = RichTextEditor(nonce=getattr(request, "csp_nonce", ""))
        return super().formfield_for_dbfield(db_field, request, **kwargs)


class LineEndingsForm:
    """A browser sends a textarea's lines with CRLF; stored text has LF (core.history.normalise_line_endings).
    Comparing like with like, a form sent back unchanged has not changed."""

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and hasattr(data, "lists"):
            data = data.copy()
            for key, values in data.lists():
                data.setlist(key, [normalised(value) if isinstance(value, str) else value for value in values])
        super().__init__(data, *args, **kwargs)


def allow_inline_styles(request):
    """For a page that shows the rich-text editor: its library injects a <style> element without
    a nonce and writes style attributes, so this response's policy allows inline styles
    (core.middleware.ContentSecurityPolicyMiddleware, docs/operations.md)."""
    request.csp_inline_styles = True
