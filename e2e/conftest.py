"""Browser tests: Playwright for Python driving Debian's chromium against pytest-django's live server.

One browser per test session; each test gets a fresh context (no shared localStorage) and the
portal's real content. `make test` installs what these need (`make browser-deps`).
"""

import mimetypes
import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from .pages import ARTICLE, CHROMIUM, CHROMIUM_ARGS, LANGS, PAGE_TYPES, PARK  # noqa: F401 (tests import them here)

AXE_JS = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item, nextitem):
    """Playwright's sync API runs an asyncio loop in the test thread; Django's ORM refuses to run in a
    thread with a running loop unless told this is a test harness, not an async view. Allowed while a
    test of this folder runs (with its setup and teardown), never for the rest of the suite (such as
    the `check --deploy` test, which would see the variable)."""
    if Path(__file__).parent not in Path(item.path).parents:  # the hook sees every test of the suite
        return (yield)
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        return (yield)
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture(scope="module")
def playwright_instance(django_db_setup):
    # One browser per test module, stopped with it (so its event loop never outlives these tests);
    # requesting django_db_setup makes it stop before the test database is dropped.
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} missing: run `make browser-deps` (installs Debian's chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="module")
def browser(playwright_instance):
    browser = launch(playwright_instance)
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def demo_media(tmp_path_factory):
    """The demo pictures, drawn once per session (they need no database)."""
    root = tmp_path_factory.mktemp("media")
    from django.test import override_settings

    with override_settings(MEDIA_ROOT=root):
        call_command("make_demo_images", verbosity=0)
    return root


@pytest.fixture
def site(transactional_db, live_server, content, settings, demo_media, tmp_path):
    """The live server with the real content and pictures, as `make run` serves it."""
    settings.MEDIA_ROOT = tmp_path / "media"
    shutil.copytree(demo_media, settings.MEDIA_ROOT)
    call_command("make_renditions", verbosity=0)
    # Keep the renditions for the next test: encoding them again would only cost time.
    shutil.copytree(settings.MEDIA_ROOT, demo_media, dirs_exist_ok=True)
    return live_server


class Tab:
    """A page plus what a visitor would not see but a test must: console errors, every request."""

    def __init__(self, context, base_url, media_root):
        self.page = context.new_page()
        self.base_url = base_url
        self.errors = []
        self.requests = []
        self.page.on("console", lambda msg: msg.type == "error" and self.errors.append(msg.text))
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.on("request", lambda request: self.requests.append(request.url))
        # DEBUG is off in tests, so Django does not serve uploads; serve them as the web server would.
        self.page.route(f"{base_url}/media/**", lambda route: _serve_media(route, base_url, media_root))

    def goto(self, path, **kwargs):
        return self.page.goto(f"{self.base_url}/{path.lstrip('/')}", **kwargs)


def _serve_media(route, base_url, media_root):
    relative = route.request.url[len(f"{base_url}/media/") :].split("?")[0]
    file = (Path(media_root) / relative).resolve()
    if not file.is_relative_to(Path(media_root).resolve()) or not file.is_file():
        route.fulfill(status=404, body="")
        return
    route.fulfill(status=200, body=file.read_bytes(), content_type=mimetypes.guess_type(file.name)[0])


@pytest.fixture
def new_tab(site, browser, settings):
    """Open tabs in a fresh browser context (empty localStorage), sized like a phone by default."""
    contexts = []

    def open_tab(width=390, height=844, **options):
        context = browser.new_context(viewport={"width": width, "height": height}, **options)
        contexts.append(context)
        return Tab(context, site.url, settings.MEDIA_ROOT)

    yield open_tab
    for context in contexts:
        context.close()
