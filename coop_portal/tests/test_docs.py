"""The docs name files and code that exist (issue 24, "Docs true"): every repository path
(``core/pagecache/versions.py``) and every dotted name of the project's code
(``core.registry.ContentType``) written in backticks in README.md and docs/*.md. A module moved or
renamed without its docs fails here, naming the doc and the line."""

import importlib
import importlib.util
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)
DOCS = [BASE_DIR / "README.md", *sorted((BASE_DIR / "docs").glob("*.md"))]
# What a path may start with: the repository's top-level folders and files.
TOP_LEVEL = {path.name for path in BASE_DIR.iterdir()}
PACKAGES = {path.parent.name for path in BASE_DIR.glob("*/__init__.py")}
# Made by running the project, not committed.
GENERATED = ("bench/results/", "locale/zh_Hant/", "media/", "cache/", "staticfiles/")
# The imaginary app of "Adding a content type" (docs/architecture.md).
EXAMPLE = "projects"

CODE = re.compile(r"`([^`\n]+)`")
PATH = re.compile(r"(?<![\w./-])[\w.-]+(?:/[\w.-]+)+/?")
NAME = re.compile(r"(?<![\w./-])[a-z_]+(?:\.[A-Za-z_]\w*)+(?![\w/])")
FILE_SUFFIX = re.compile(r"\.(py|html|md|json|txt|csv|conf|po|tsv|css|js|xml|sh|toml|gz)$")


def module_and_attributes(name: str):
    """The longest importable module the name starts with, and the attributes after it."""
    parts = name.split(".")
    for end in range(len(parts), 0, -1):
        try:
            if importlib.util.find_spec(".".join(parts[:end])) is not None:
                return ".".join(parts[:end]), parts[end:]
        except ImportError:
            pass
    return None, parts


def is_label_or_permission(name: str) -> bool:
    """``news.article`` (a model label) or ``news.publish_article`` (a permission)."""
    app_label, _, rest = name.partition(".")
    if not rest or "." in rest or not apps.is_installed(app_label):
        return False
    models = list(apps.get_app_config(app_label).get_models())
    codenames = {
        codename
        for model in models
        for codename in [
            *(f"{action}_{model._meta.model_name}" for action in model._meta.default_permissions),
            *(codename for codename, _label in model._meta.permissions),
        ]
    }
    return rest.lower() in {model._meta.model_name for model in models} | codenames


def exists(name: str) -> bool:
    module, attributes = module_and_attributes(name)
    if module is None:
        return is_label_or_permission(name)
    if not attributes:
        return True
    obj = importlib.import_module(module)
    for attribute in attributes:
        if not hasattr(obj, attribute):
            return is_label_or_permission(name)
        obj = getattr(obj, attribute)
    return True


def missing(doc: Path):
    for number, line in enumerate(doc.read_text().splitlines(), 1):
        for code in CODE.findall(line):
            if EXAMPLE in code:
                continue
            for match in PATH.finditer(code):
                path, after = match.group(), code[match.end() : match.end() + 1]
                # A pattern (static/img/share-<language>.png), or not in the repository (a URL).
                if after in ("<", "{", "*", "…") or path.split("/")[0] not in TOP_LEVEL or path.startswith(GENERATED):
                    continue
                # Templates and static files are named as templates and {% static %} name them.
                if not any((BASE_DIR / folder / path).exists() for folder in ("", "templates", "static")):
                    yield f"{doc.name}:{number}: {path}"
            for name in NAME.findall(code):
                if name.split(".")[0] in PACKAGES and not FILE_SUFFIX.search(name) and not exists(name):
                    yield f"{doc.name}:{number}: {name}"


@pytest.mark.parametrize("doc", DOCS, ids=lambda doc: doc.name)
def test_docs_name_only_files_and_code_that_exist(doc):
    assert list(missing(doc)) == []


def test_old_paths_and_names_are_reported(tmp_path):
    """The check itself: the page cache's and search's paths before the split of core are found,
    the new ones, model labels, permissions, URLs and the checklist's example pass."""
    doc = tmp_path / "old.md"
    doc.write_text(
        "`core/cache.py` and `core.cache.PageCacheMiddleware`; `core.search.sync_search_indexes`\n"
        "`core/pagecache/versions.py`, `core.pagecache.middleware.PageCacheMiddleware`, `news.article`,\n"
        "`news.publish_article`, `/en/news/`, `projects/models.py`, `parks/migrations/`, `core/home.html`,\n"
        "`static/img/share-<language>.png`\n"
    )
    assert list(missing(doc)) == [
        "old.md:1: core/cache.py",
        "old.md:1: core.cache.PageCacheMiddleware",
        "old.md:1: core.search.sync_search_indexes",
    ]
