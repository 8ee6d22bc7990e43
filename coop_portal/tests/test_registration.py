"""Each content type is declared once, by its app (core/registry.py), and what used to list the
content types by hand reads the declarations (docs/architecture.md, "Adding a content type")."""

import ast
import subprocess
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import CommandError, call_command
from modeltranslation.translator import translator

from core import registry

BASE_DIR = Path(settings.BASE_DIR)
DECLARED = {content_type.model for content_type in registry.content_types()}


def test_every_fixture_file_is_declared_exactly_once():
    files = sorted(path.stem for path in (BASE_DIR / "fixtures").glob("*.json"))
    declared = registry.fixtures()
    assert sorted(declared) == files
    assert len(declared) == len(set(declared)), declared


@pytest.mark.parametrize("target", ["load", "serve"])
def test_make_loads_the_declared_fixtures_through_load_content(target):
    commands = subprocess.run(  # noqa: S603 - our own Makefile, printed only (-n)
        ["make", "-n", target],
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
        check=True,  # noqa: S607
    ).stdout
    assert "manage.py load_content" in commands
    assert "loaddata" not in commands


def fixture_lists(path):
    """Every list or tuple of strings in the file that names two or more declared fixtures."""
    names = set(registry.fixtures())
    for node in ast.walk(ast.parse((BASE_DIR / path).read_text())):
        if isinstance(node, ast.List | ast.Tuple | ast.Call):
            items = node.elts if not isinstance(node, ast.Call) else node.args
            strings = {item.value for item in items if isinstance(item, ast.Constant)}
            if len(strings & names) >= 2:
                yield ast.unparse(node)


@pytest.mark.parametrize("path", ["conftest.py", "bench/bench.py", "bench/search_bench.py", "scripts/demo_server.py"])
def test_scripts_load_the_content_through_load_content(path):
    assert "load_content" in (BASE_DIR / path).read_text()
    assert list(fixture_lists(path)) == []  # no copy of the list to fall out of step


@pytest.mark.django_db
def test_load_content_loads_every_declared_type_that_ships_content():
    call_command("load_content", verbosity=0)
    for content_type in registry.content_types():
        if content_type.fixtures:
            assert content_type.model._default_manager.exists(), content_type.key


@pytest.mark.django_db
def test_load_content_loads_nothing_when_one_fixture_is_bad(monkeypatch, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('[{"model": "parks.park", "fields": {"slug": "x", "name_en": "%s"}}]' % ("x" * 500))
    monkeypatch.setattr(registry, "fixtures", lambda: ["parks", "news", str(bad)])
    with pytest.raises(CommandError, match="Invalid parks.Park"):
        call_command("load_content", verbosity=0)
    assert not apps.get_model("parks", "Park").objects.exists()


def test_every_translated_model_is_a_declared_content_type():
    """The translators' list, history and the page cache's own pages read the declarations."""
    assert set(translator.get_registered_models(abstract=False)) <= DECLARED


def test_every_model_with_pages_is_declared_and_in_the_sitemap():
    sections = [content_type.sitemap_section for content_type in registry.content_types() if content_type.has_page]
    assert len(sections) == len(set(sections))
    for label in settings.CONTENT_APPS:
        for model in apps.get_app_config(label).get_models():
            if getattr(model, "url_name", None):
                assert model in DECLARED, model


def test_a_content_type_is_declared_once():
    content_type = registry.content_types()[0]
    with pytest.raises(ValueError, match="registered twice"):
        registry.register(registry.ContentType(content_type.model, key="again"))
