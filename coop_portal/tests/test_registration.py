"""The lists a new content type joins (docs/architecture.md, "Adding a content type") agree."""

import ast
import re
from pathlib import Path

import pytest
from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)


def python_list(path, name):
    for node in ast.walk(ast.parse((BASE_DIR / path).read_text())):
        if isinstance(node, ast.Assign) and any(getattr(target, "id", None) == name for target in node.targets):
            return ast.literal_eval(node.value)
    raise LookupError(f"{name} in {path}")


def makefile_fixtures():
    return re.search(r"^FIXTURES := (.*)$", (BASE_DIR / "Makefile").read_text(), re.MULTILINE)[1].split()


@pytest.mark.parametrize(
    "listed",
    [
        pytest.param(makefile_fixtures, id="Makefile"),
        pytest.param(lambda: python_list("bench/bench.py", "FIXTURES"), id="bench/bench.py"),
        pytest.param(lambda: python_list("scripts/demo_server.py", "FIXTURES"), id="scripts/demo_server.py"),
    ],
)
def test_every_script_loads_the_same_content_fixtures(listed):
    assert listed() == settings.CONTENT_FIXTURES


def test_every_content_fixture_exists():
    for name in settings.CONTENT_FIXTURES:
        assert (BASE_DIR / "fixtures" / f"{name}.json").is_file()
