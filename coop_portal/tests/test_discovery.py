"""Every test module runs in `make test` (issue 24, point 5): pytest searches the whole repository
(pyproject.toml), not a hand-kept list of apps, which once left about/'s tests out unnoticed."""

from fnmatch import fnmatch
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
# Run on their own (`make test-browser`): a browser, not the test client.
BROWSER = ROOT / "e2e"


def repository_test_files():
    """Every test_*.py of the repository, but for the browser tests and other tools' folders."""
    return {
        path.relative_to(ROOT)
        for path in ROOT.rglob("test_*.py")
        if not path.is_relative_to(BROWSER)
        and not any(part.startswith(".") or part == "node_modules" for part in path.relative_to(ROOT).parts)
    }


def searched(path, config) -> bool:
    """Whether pytest, started with no argument, reaches ``path``: it lies under a testpath and no
    folder on the way matches norecursedirs (pytest matches each folder's name, as here)."""
    under = [ROOT / testpath for testpath in config.getini("testpaths")]
    if not any((ROOT / path).is_relative_to(folder) for folder in under):
        return False
    patterns = config.getini("norecursedirs")
    return not any(fnmatch(folder, pattern) for folder in path.parent.parts for pattern in patterns)


def test_every_app_folders_tests_are_searched(pytestconfig):
    modules = repository_test_files()
    # Every app's tests (about/ among them, whose tests once never ran) and the benchmarks' check.
    folders = {module.parts[0] for module in modules}
    assert {"about", "core", "coop_portal", "news", "parks", "facts", "search", "bench"} <= folders
    assert Path("about/tests/test_site_pages.py") in modules
    assert [module for module in sorted(modules) if not searched(module, pytestconfig)] == []
    # ... and the browser tests are left to `make test-browser`.
    assert not searched(Path("e2e/test_reading.py"), pytestconfig)


def test_the_whole_run_collects_every_test_module(request):
    """In the run `make test` does (no path given), every module was collected."""
    config = request.config
    if config.args_source != pytest.Config.ArgsSource.TESTPATHS:
        pytest.skip("a run of chosen paths collects only those")
    if config.option.keyword or config.option.markexpr or config.getoption("deselect"):
        pytest.skip("a run of chosen tests (-k, -m, --deselect) keeps only those")
    collected = {Path(item.path).relative_to(ROOT) for item in request.session.items}
    assert sorted(repository_test_files() - collected) == []
