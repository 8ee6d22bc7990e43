from django.contrib import admin

from inspection.models import Term


@admin.register(Term)
class TermAdmin(admin.ModelAdmin):
    """The term list editors keep: not translated text, so none of the translation mixins."""

    list_display = ["wrong", "right", "serious", "note"]
    list_filter = ["serious"]
    search_fields = ["wrong", "right", "note"]
