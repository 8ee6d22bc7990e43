"""The interface is fully translated and the schema matches the models."""

from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import translation

PO = Path(settings.BASE_DIR) / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"


def test_every_msgid_is_translated():
    catalogue = polib.pofile(str(PO))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert untranslated == []
    assert fuzzy == []


def test_compiled_catalogue_is_used():
    assert PO.with_suffix(".mo").exists(), "run `make messages` (compilemessages)"
    with translation.override("zh-hans"):
        assert translation.gettext("Skip to main content") == "跳到主要内容"


@pytest.mark.django_db
def test_no_missing_migrations():
    # Raises SystemExit(1) when a model change has no migration.
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)
