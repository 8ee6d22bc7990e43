"""core/ is the base layer: every app builds on it, and it builds on no content app. The site-level
pages that show several apps at once live in coop_portal/; each app grants the editorial roles on its
own models. Between the top-level packages, imports point one way: no cycle (a park page gathers its
news through the reverse relation, not by importing news)."""

import ast
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.db.migrations.loader import MigrationLoader

from core.editorial.roles import EDITOR, TRANSLATOR
from core.models import exported_models

BASE_DIR = Path(settings.BASE_DIR)
CORE = BASE_DIR / "core"
# The project's other apps: every top-level package with an apps.py.
APPS = {path.parent.name for path in BASE_DIR.glob("*/apps.py")} - {"core"}


def imported_modules(path: Path):
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            yield node.module


# Every top-level package of the project (apps, coop_portal, bench, scripts, e2e).
PACKAGES = {path.parent.name for path in BASE_DIR.glob("*/__init__.py")}


def import_graph(base: Path = BASE_DIR) -> dict[str, set[str]]:
    """Which top-level packages each one imports, from the code (tests and migrations left out:
    a test may use any app's factories, and migrations name apps by label)."""
    graph = {package: set() for package in PACKAGES}
    for package in PACKAGES:
        for path in (base / package).rglob("*.py"):
            if {"tests", "migrations"} & set(path.relative_to(base).parts):
                continue
            for module in imported_modules(path):
                top = module.split(".")[0]
                if top in PACKAGES and top != package:
                    graph[package].add(top)
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of the graph (its packages, the first repeated at the end), or None."""
    done, path = set(), []

    def visit(node):
        if node in path:
            return [*path[path.index(node) :], node]
        if node in done:
            return None
        path.append(node)
        for neighbour in sorted(graph[node]):
            if cycle := visit(neighbour):
                return cycle
        path.pop()
        done.add(node)
        return None

    for node in sorted(graph):
        if cycle := visit(node):
            return cycle
    return None


def test_find_cycle_finds_one():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set(), "c": {"a", "b"}}) is None


def test_no_import_cycle_between_top_level_packages():
    graph = import_graph()
    assert {"parks", "news"} <= graph.keys() and "core" in graph["parks"]  # the graph is read at all
    cycle = find_cycle(graph)
    assert cycle is None, "import cycle: " + " -> ".join(cycle)


def test_the_project_has_apps_to_keep_out_of_core():
    assert {"parks", "news", "facts", "enterprises", "images", "inquiries"} <= APPS


@pytest.mark.parametrize(
    "path",
    # core's tests exercise core's building blocks on real content models; its code does not.
    [path for path in sorted(CORE.rglob("*.py")) if "tests" not in path.relative_to(CORE).parts],
    ids=lambda path: str(path.relative_to(BASE_DIR)),
)
def test_core_imports_no_other_app(path):
    imported = {module.split(".")[0] for module in imported_modules(path)}
    assert not imported & (APPS | {"coop_portal"})


def test_core_migrations_depend_on_no_other_app():
    graph = MigrationLoader(None, ignore_no_migrations=True).graph  # from the files, no database
    for key, node in graph.nodes.items():
        if key[0] == "core":
            assert {app for app, _name in node.dependencies} & APPS == set(), key


@pytest.mark.django_db
@pytest.mark.parametrize("model", exported_models(), ids=lambda model: model._meta.label)
def test_every_content_model_is_granted_to_both_roles(model):
    """Each app's own data migration grants its models: a new model without one fails here."""
    name = model._meta.model_name

    def codenames(group):
        permissions = Group.objects.get(name=group).permissions.filter(content_type__app_label=model._meta.app_label)
        return set(permissions.values_list("codename", flat=True))

    assert {f"{action}_{name}" for action in ["add", "change", "delete", "view"]} <= codenames(EDITOR)
    assert {f"change_{name}", f"view_{name}"} <= codenames(TRANSLATOR)
    assert not {f"add_{name}", f"delete_{name}"} & codenames(TRANSLATOR)
