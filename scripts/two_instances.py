"""Stateless app servers: two gunicorn instances, one PostgreSQL database, one Redis.

Starts two instances of the portal (production settings, gunicorn.conf.py) on two ports against
the same database and cache, loads the fixtures, warms the page cache through both, renames a
park through instance A's admin as an editor would (sign in, post the change form), and checks
that instance B shows the new name on the very next request — in the park page and the home page,
both of which B had served from the cache before the edit.

    .venv/bin/python scripts/two_instances.py

Environment (defaults in brackets): TWO_INSTANCES_DATABASE_URL
[postgres://postgres@127.0.0.1:5432/coop_two_instances] (dropped and created again),
REDIS_URL [redis://127.0.0.1:6379/0], PORT_A [8001], PORT_B [8002], HOST [127.0.0.1].
Exits 0 when every check holds; `.ci/run` runs it after the PostgreSQL suite.
"""

import html
import http.client
import http.cookies
import os
import re
import secrets
import subprocess
import sys
import tempfile
import time
import urllib.parse
from html.parser import HTMLParser
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
HOST = os.environ.get("HOST", "127.0.0.1")
PORTS = {"A": int(os.environ.get("PORT_A", "8001")), "B": int(os.environ.get("PORT_B", "8002"))}
DATABASE_URL = os.environ.get("TWO_INSTANCES_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/coop_two_instances")
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
EDITOR, PASSWORD = "editor", secrets.token_urlsafe(16)
LOGS = Path(tempfile.mkdtemp(prefix="two_instances_"))
NEW_NAME = f"Suzhou Suqian Industrial Park (renamed {secrets.token_hex(3)})"

ENV = {
    **os.environ,
    "DJANGO_SETTINGS_MODULE": "coop_portal.settings.production",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": f"{HOST},localhost",
    "DATABASE_URL": DATABASE_URL,
    "REDIS_URL": REDIS_URL,
    "PAGE_CACHE": "1",
    "INQUIRY_NOTIFY_EMAILS": "invest@example.org",
    "WEB_CONCURRENCY": "2",
    "GUNICORN_THREADS": "2",
    "GUNICORN_ACCESS_LOG": "",
    "DJANGO_SUPERUSER_USERNAME": EDITOR,
    "DJANGO_SUPERUSER_PASSWORD": PASSWORD,
    "DJANGO_SUPERUSER_EMAIL": "editor@example.org",
}


def step(message):
    print(f"-- {message}", flush=True)


def check(condition, message):
    if not condition:
        raise AssertionError(message)
    print(f"   ok: {message}", flush=True)


def manage(*args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=ENV, check=True)


def recreate_database(database_url=DATABASE_URL):
    url = urllib.parse.urlsplit(database_url)
    name = url.path.lstrip("/")
    if not re.fullmatch(r"[a-z0-9_]+", name):
        raise SystemExit(f"Refusing an unusual database name: {name!r}")
    admin_url = urllib.parse.urlunsplit(url._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


class Browser:
    """Just enough of a browser: cookies, and the headers a TLS-terminating proxy would add, so the
    checks hold whether or not production settings mark cookies Secure."""

    def __init__(self, port):
        self.port = port
        self.cookies = {}

    def request(self, method, path, form=None):
        conn = http.client.HTTPConnection(HOST, self.port, timeout=30)
        headers = {"X-Forwarded-Proto": "https", "Host": f"{HOST}:{self.port}"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"https://{HOST}:{self.port}{path}"
            headers["Origin"] = f"https://{HOST}:{self.port}"
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        content = response.read().decode()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in http.cookies.SimpleCookie(header).items():
                if morsel["max-age"] == "0":
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        conn.close()
        return response, content


class FormParser(HTMLParser):
    """The fields of the first form with method=post, as the browser would submit them."""

    def __init__(self):
        super().__init__()
        self.fields, self.in_form, self.select, self.textarea = [], False, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("method", "").lower() == "post":
            self.in_form = True
        if not self.in_form:
            return
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type", "text") not in ("submit", "button", "file", "image"):
            if attrs.get("type") in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.fields.append((name, attrs.get("value", "on" if attrs.get("type") == "checkbox" else "")))
        elif tag == "select" and name:
            self.select = name
        elif tag == "option" and self.select and "selected" in attrs:
            self.fields.append((self.select, attrs.get("value", "")))
        elif tag == "textarea" and name:
            self.textarea = [name, ""]

    def handle_data(self, data):
        if self.textarea:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None
        elif tag == "textarea" and self.textarea:
            # The parser already unescaped character references in the text.
            self.fields.append((self.textarea[0], self.textarea[1].removeprefix("\n")))
            self.textarea = None
        elif tag == "form":
            self.in_form = False


def form_fields(page):
    parser = FormParser()
    parser.feed(page)
    return parser.fields


def start(name):
    env = {**ENV, "GUNICORN_BIND": f"{HOST}:{PORTS[name]}", "GUNICORN_PROC_NAME": f"coop-portal-{name}"}
    log = open(LOGS / f"{name}.log", "w")  # noqa: SIM115 (closed with the process)
    process = subprocess.Popen(
        [str(Path(PYTHON).parent / "gunicorn"), "-c", "gunicorn.conf.py", "coop_portal.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    process.log = log
    return process


def wait_until_up(port, process, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn on port {port} exited with {process.returncode}")
        try:
            conn = http.client.HTTPConnection(HOST, port, timeout=2)
            # As behind the TLS proxy, like every request of this script (production redirects plain HTTP).
            conn.request("GET", "/admin/login/", headers={"X-Forwarded-Proto": "https"})
            if conn.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise SystemExit(f"gunicorn on port {port} did not answer within {seconds} s")


def get(port, path):
    response, content = Browser(port).request("GET", path)
    return response.status, response.headers.get("X-Cache"), content


def main():
    step(f"fresh database {DATABASE_URL.rsplit('/', 1)[-1]}, fixtures, an editor; cache {REDIS_URL}")
    recreate_database()
    manage("migrate", "--noinput", "-v0")
    manage("loaddata", "parks", "news", "-v0")
    manage("collectstatic", "--noinput", "-v0")
    manage("createsuperuser", "--noinput")

    processes = {name: start(name) for name in PORTS}
    passed = False
    try:
        for name, process in processes.items():
            wait_until_up(PORTS[name], process)
        a, b = PORTS["A"], PORTS["B"]
        step(f"instance A on {HOST}:{a}, instance B on {HOST}:{b}")

        step("both instances serve the same park, and the page cache is warm on both")
        for port in (a, b):
            for path in ("/en/parks/ssip/", "/en/"):
                get(port, path)
        for port in (a, b):
            for path in ("/en/parks/ssip/", "/en/"):
                status, cache, content = get(port, path)
                check(status == 200 and "Suzhou Suqian Industrial Park" in content, f"{port}{path} shows the park")
                check(cache == "HIT", f"{port}{path} came from the cache")

        step("an editor renames the park through instance A's admin")
        editor = Browser(a)
        _, login_page = editor.request("GET", "/admin/login/?next=/admin/")
        login = dict(form_fields(login_page))
        response, _ = editor.request(
            "POST", "/admin/login/?next=/admin/", {**login, "username": EDITOR, "password": PASSWORD}
        )
        check(response.status == 302, "the editor is signed in on A")
        _, changelist = editor.request("GET", "/admin/parks/park/?q=ssip")
        change_url = html.unescape(re.search(r'href="(/admin/parks/park/\d+/change/[^"]*)"', changelist).group(1))
        _, change_page = editor.request("GET", change_url)
        fields = [(k, v) for k, v in form_fields(change_page) if k != "name_en"] + [("name_en", NEW_NAME)]
        response, content = editor.request("POST", change_url, fields)
        errors = re.findall(r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', content)
        check(response.status == 302, f"A saved the change form {errors or ''}")

        step("instance B shows the new name on its next request")
        for path in ("/en/parks/ssip/", "/en/"):
            status, cache, content = get(b, path)
            check(status == 200 and NEW_NAME in content, f"B {path} shows {NEW_NAME!r}")
            check(cache == "MISS", f"B {path} was rendered again, not served stale from the cache")
        status, cache, content = get(a, "/en/parks/ssip/")
        check(NEW_NAME in content, "A shows it too")
        status, cache, content = get(b, "/en/parks/ssip/")
        check(cache == "HIT" and NEW_NAME in content, "B caches the new page again")
        passed = True
    finally:
        for process in processes.values():
            process.terminate()
        for process in processes.values():
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
            process.log.close()
        if not passed:
            for name in processes:
                print(f"== last lines of instance {name}'s log ({LOGS / f'{name}.log'})")
                print("\n".join((LOGS / f"{name}.log").read_text().splitlines()[-30:]))
    print("two instances: all checks passed")


if __name__ == "__main__":
    main()
