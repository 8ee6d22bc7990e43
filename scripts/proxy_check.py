"""The shipped reverse-proxy cache, for real: nginx (deploy/nginx/portal.conf) in front of gunicorn.

Starts the portal as `make serve-proxy` does — production settings, no Redis (the workers share a
cache in files), SQLite in a temporary folder — behind nginx, and checks what visitors and editors
get through the proxy:

1. public pages are served from nginx's cache;
2. an editor's requests pass through it (never from it, never into it);
3. a draft (its staff preview) never enters it: visitors get a 404, and the draft's title is in
   no file of nginx's cache;
4. an edit saved in the admin shows at once on every worker of the app (no Redis: they share the
   page cache's files), and through the proxy within the stated bound: SHARED_CACHE_SECONDS (the
   s-maxage the app sends) + 2 s;
5. a forged session or staff cookie gets cached pages;
6. withdrawn content is gone: an article unpublished or deleted answers 404 through the proxy
   within the bound (one moved to another slug: a 301 to its new address; one withdrawn, status
   withdrawn: a 410 Gone with the notice), at once after a quiet spell longer than the proxy's
   freshness (no stale copy served while the app is asked again), and on every later request;
   one whose expiry time comes answers 410 within the bound after that time, with no save;
7. nginx names no version, in its headers or on its own error pages;
8. stale copies only while the app fails: with gunicorn stopped, a public page comes from the
   proxy (STALE) and a withdrawn one stays a 404 (a 410; a moved one a 301), never its old 200.

    .venv/bin/python scripts/proxy_check.py      # `make test-proxy`; .ci/run runs it

Environment: PROXY_CHECK_APP_PORT [8011], PROXY_CHECK_PORT [8012], HOST [127.0.0.1],
PROXY_CHECK_DATABASE_URL [SQLite in the temporary folder; a postgres:// address is dropped and
created anew, as .ci/run's PostgreSQL run does].
"""

import http.client
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "scripts"), str(ROOT / "deploy" / "nginx")]

import run as nginx  # noqa: E402 (deploy/nginx/run.py)
from two_instances import Browser, check, form_fields, recreate_database, step  # noqa: E402

PYTHON = sys.executable
HOST = os.environ.get("HOST", "127.0.0.1")
APP_PORT = int(os.environ.get("PROXY_CHECK_APP_PORT", "8011"))
PROXY_PORT = int(os.environ.get("PROXY_CHECK_PORT", "8012"))
SHARED_CACHE_SECONDS = 5
BOUND = SHARED_CACHE_SECONDS + 2
# An article's expiry time, from its creation: long enough for it to be shown, and cached, first.
EXPIRY_SECONDS = 8
WORK = Path(tempfile.mkdtemp(prefix="proxy_check_"))
EDITOR, PASSWORD = "editor", secrets.token_urlsafe(16)
OWN = ("DATABASE_URL", "REDIS_URL", "PAGE_CACHE", "CACHE_DIR")
DATABASE_URL = os.environ.get("PROXY_CHECK_DATABASE_URL") or f"sqlite:///{WORK / 'db.sqlite3'}"

ENV = {
    **{k: v for k, v in os.environ.items() if not k.startswith(OWN)},
    "DJANGO_SETTINGS_MODULE": "coop_portal.settings.production",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": f"{HOST},localhost",
    "DATABASE_URL": DATABASE_URL,
    "CACHE_DIR": str(WORK / "app-cache"),
    "SHARED_CACHE_SECONDS": str(SHARED_CACHE_SECONDS),
    "SECURE_SSL_REDIRECT": "0",
    # The test browser says it came over HTTPS (two_instances.Browser); nginx here speaks HTTP.
    "CSRF_TRUSTED_ORIGINS": f"https://{HOST}:{PROXY_PORT}",
    "INQUIRY_NOTIFY_EMAILS": "invest@example.org",
    "WEB_CONCURRENCY": "2",
    "GUNICORN_THREADS": "2",
    "GUNICORN_ACCESS_LOG": "",
    "GUNICORN_BIND": f"{HOST}:{APP_PORT}",
    "DJANGO_SUPERUSER_USERNAME": EDITOR,
    "DJANGO_SUPERUSER_PASSWORD": PASSWORD,
    "DJANGO_SUPERUSER_EMAIL": "editor@example.org",
}


def manage(*args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=ENV, check=True)


def get(path, cookies=None):
    browser = Browser(PROXY_PORT)
    browser.cookies.update(cookies or {})
    response, content = browser.request("GET", path)
    return response, content


def wait_until_up(process, port, path):
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server on port {port} exited")
        try:
            response, _ = Browser(port).request("GET", path)
            if response.status < 500:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise SystemExit(f"nothing answered on port {port}")


def sign_in():
    editor = Browser(PROXY_PORT)
    _, login_page = editor.request("GET", "/admin/login/?next=/admin/")
    login = dict(form_fields(login_page))
    response, _ = editor.request(
        "POST", "/admin/login/?next=/admin/", {**login, "username": EDITOR, "password": PASSWORD}
    )
    check(response.status == 302 and "staff" in editor.cookies, "the editor is signed in, with the staff marker cookie")
    return editor


def main():
    step(f"production settings without Redis, {DATABASE_URL.split(':')[0]}, files in {WORK}")
    if DATABASE_URL.startswith("postgres"):
        recreate_database(DATABASE_URL)
    manage("migrate", "--noinput", "-v0")
    manage("loaddata", "parks", "news", "-v0")
    manage("collectstatic", "--noinput", "-v0")
    manage("createsuperuser", "--noinput")
    log = open(WORK / "gunicorn.log", "w")  # noqa: SIM115 (closed below)
    app = subprocess.Popen(
        [str(Path(PYTHON).parent / "gunicorn"), "-c", "gunicorn.conf.py", "coop_portal.wsgi"],
        cwd=ROOT,
        env=ENV,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    proxy = nginx.start(WORK / "nginx", f"{HOST}:{PROXY_PORT}", [f"{HOST}:{APP_PORT}"])
    passed = False
    try:
        wait_until_up(app, APP_PORT, "/healthz")
        wait_until_up(proxy, PROXY_PORT, "/healthz")
        step(f"gunicorn on {APP_PORT}, nginx on {PROXY_PORT}")

        step("1. public pages come from nginx's cache")
        for path in ("/en/parks/ssip/", "/zh-hans/", "/sitemap.xml"):
            get(path)
            response, content = get(path)
            check(response.status == 200 and response.headers["X-Proxy-Cache"] == "HIT", f"{path}: a proxy hit")

        step("2. an editor's requests pass through the proxy")
        editor = sign_in()
        response, _ = editor.request("GET", "/en/parks/ssip/")
        check(response.headers["X-Proxy-Cache"] == "BYPASS", "the park page, signed in: BYPASS")
        check("private" in response.headers["Cache-Control"], "… and marked private")

        step("3. a draft never enters the proxy's cache")
        title = f"Draft {secrets.token_hex(4)}"
        manage(
            "shell",
            "-v0",
            "-c",
            "from news.models import Article; "
            f"Article.objects.create(slug='draft-check', title_en='{title}', summary_en='x', body_en='x', "
            "status=Article.Status.DRAFT)",
        )
        response, content = editor.request("GET", "/en/news/draft-check/")
        check(response.status == 200 and title in content, "the editor sees the preview")
        check("no-store" in response.headers["Cache-Control"], "… sent no-store")
        for _ in range(2):
            response, content = get("/en/news/draft-check/")
            check(response.status == 404 and title not in content, "a visitor gets a 404")
        cached = [path for path in (WORK / "nginx" / "cache").rglob("*") if path.is_file()]
        check(cached and not any(title.encode() in path.read_bytes() for path in cached), "no cached file has it")

        step(f"4. an edit shows through the proxy within {BOUND} s")
        get("/en/parks/ssip/")
        check(get("/en/parks/ssip/")[0].headers["X-Proxy-Cache"] == "HIT", "the park page is in the proxy")
        _, changelist = editor.request("GET", "/admin/parks/park/?q=ssip")
        change_url = re.search(r'href="(/admin/parks/park/\d+/change/)', changelist).group(1)
        _, change_page = editor.request("GET", change_url)
        new_name = f"SSIP renamed {secrets.token_hex(3)}"
        fields = [(k, v) for k, v in form_fields(change_page) if k != "name_en"] + [("name_en", new_name)]
        response, _ = editor.request("POST", change_url, fields)
        saved = time.monotonic()
        check(response.status == 302, "the editor saved the new name")
        # Behind the proxy, every worker shows it at once: they share the page cache's files.
        pages = [Browser(APP_PORT).request("GET", "/en/parks/ssip/")[1] for _ in range(8)]
        check(all(new_name in page for page in pages), "the app (8 requests, both workers) shows it at once")
        while new_name not in get("/en/parks/ssip/")[1]:
            if time.monotonic() - saved > BOUND + 5:
                break
            time.sleep(0.1)
        took = time.monotonic() - saved
        check(took <= BOUND, f"the new name shows through the proxy after {took:.1f} s (bound {BOUND} s)")

        step("5. forged cookies get cached pages")
        get("/en/")
        response, _ = get("/en/", {"sessionid": "garbage"})
        check(response.headers["X-Proxy-Cache"] == "HIT", "a garbage sessionid: a proxy hit")
        response, _ = get("/en/", {"staff": "1"})
        check(
            response.headers["X-Proxy-Cache"] == "BYPASS" and response.headers["X-Cache"] in ("HIT", "STALE"),
            "a forged staff cookie passes the proxy, and the app answers from its cache",
        )
        step("6. withdrawn content is gone from the proxy's cache")
        slugs = {
            "unpublished": "withdraw-unpublish",
            "deleted": "withdraw-delete",
            "moved": "withdraw-move",
            "withdrawn": "withdraw-status",
        }
        # What each one's old address answers from now on.
        answer = {"unpublished": 404, "deleted": 404, "moved": 301, "withdrawn": 410}
        manage(
            "shell",
            "-v0",
            "-c",
            "from news.models import Article; "
            + "; ".join(
                f"Article.objects.create(slug='{slug}', title_en='Withdrawn {slug}', summary_en='x', body_en='x', "
                "status=Article.Status.PUBLISHED)"
                for slug in slugs.values()
            ),
        )
        for slug in slugs.values():
            get(f"/en/news/{slug}/")
            response, content = get(f"/en/news/{slug}/")
            check(response.status == 200 and response.headers["X-Proxy-Cache"] == "HIT", f"{slug}: public, a proxy hit")
        manage(
            "shell",
            "-v0",
            "-c",
            "from news.models import Article; "
            f"a = Article.objects.get(slug='{slugs['unpublished']}'); a.status = Article.Status.DRAFT; a.save(); "
            f"Article.objects.get(slug='{slugs['deleted']}').delete(); "
            f"a = Article.objects.get(slug='{slugs['moved']}'); a.slug = 'withdraw-moved-here'; a.save(); "
            f"a = Article.objects.get(slug='{slugs['withdrawn']}'); a.status = Article.Status.WITHDRAWN; a.save()",
        )
        withdrawn = time.monotonic()
        # The unpublished one is asked for all along (a visitor reloading it)...
        while get(f"/en/news/{slugs['unpublished']}/")[0].status != 404:
            if time.monotonic() - withdrawn > BOUND + 5:
                break
            time.sleep(0.2)
        took = time.monotonic() - withdrawn
        check(took <= BOUND, f"unpublished: a 404 through the proxy after {took:.1f} s (bound {BOUND} s)")
        # ... the others not until the proxy's copy has expired: the first request after that
        # must not get the old copy while the app is asked again.
        time.sleep(max(0.0, BOUND - (time.monotonic() - withdrawn)))
        for name, slug in slugs.items():
            answers = [get(f"/en/news/{slug}/") for _ in range(4)]
            statuses = [(r.status, r.headers.get("X-Proxy-Cache")) for r, _ in answers]
            if name == "moved":  # its old address leads to the new one (issue 25, point 8)
                check(
                    all(
                        r.status == 301
                        and r.headers["Location"].endswith("/en/news/withdraw-moved-here/")
                        and f"Withdrawn {slug}" not in c
                        for r, c in answers
                    ),
                    f"{name}: four requests, four 301s to the new address {statuses}",
                )
                continue
            check(
                all(r.status == answer[name] and f"Withdrawn {slug}" not in c for r, c in answers),
                f"{name}: four requests, four {answer[name]}s {statuses}",
            )
        _, content = get(f"/zh-hans/news/{slugs['withdrawn']}/")
        check(
            "This item has been withdrawn and is no longer available." in content and "该信息已撤稿" in content,
            "withdrawn: the 410 says so in English and Chinese",
        )
        response, content = get("/en/news/withdraw-moved-here/")
        check(response.status == 200 and "Withdrawn withdraw-move" in content, "moved: the new address shows it")

        # An expiry time: nothing is saved when it comes; the page and the list drop it by themselves.
        expires = time.time() + EXPIRY_SECONDS
        manage(
            "shell",
            "-v0",
            "-c",
            "import datetime; from news.models import Article; "
            "Article.objects.create(slug='withdraw-expiry', title_en='Withdrawn withdraw-expiry', summary_en='x', "
            "body_en='x', status=Article.Status.PUBLISHED, "
            f"expires_at=datetime.datetime.fromtimestamp({expires}, datetime.UTC))",
        )
        for path in ("/en/news/withdraw-expiry/", "/en/news/"):
            get(path)
            response, content = get(path)
            check(
                response.status == 200 and "Withdrawn withdraw-expiry" in content and time.time() < expires,
                f"expiring: {path} shows it before its expiry time ({response.headers['X-Proxy-Cache']})",
            )
        # Visitors keep asking for it until its time: the proxy's copy is fresh when the time comes.
        shown = []
        while time.time() < expires - 0.3:
            shown += [get("/en/news/withdraw-expiry/")[0].status, get("/en/news/")[0].status]
            time.sleep(0.3)
        check(set(shown) == {200}, f"expiring: shown until its expiry time ({len(shown)} requests)")
        time.sleep(max(0.0, expires - time.time()))
        while get("/en/news/withdraw-expiry/")[0].status != 410:
            if time.time() - expires > BOUND + 5:
                break
            time.sleep(0.2)
        took = time.time() - expires
        check(took <= BOUND, f"expired: a 410 through the proxy {took:.1f} s after its expiry time (bound {BOUND} s)")
        while "Withdrawn withdraw-expiry" in get("/en/news/")[1]:
            if time.time() - expires > BOUND + 5:
                break
            time.sleep(0.2)
        took = time.time() - expires
        check(took <= BOUND, f"expired: gone from the news list through the proxy after {took:.1f} s")
        slugs["expired"], answer["expired"] = "withdraw-expiry", 410
        get("/en/parks/ssip/")

        step("7. nginx names no version")
        response, _ = get("/en/parks/ssip/")
        check(response.headers["Server"] == "nginx", f"a page: Server: {response.headers['Server']}")
        conn = http.client.HTTPConnection(HOST, PROXY_PORT, timeout=10)
        conn.request("POST", "/en/contact/", body=b"x" * 100_000, headers={"Content-Type": "text/plain"})
        response = conn.getresponse()
        body = response.read().decode()
        conn.close()
        check(
            response.status == 413 and response.headers["Server"] == "nginx" and "nginx/" not in body,
            f"nginx's own 413 page: Server: {response.headers['Server']}, no version in its text",
        )
        check(response.headers["Connection"] == "close", "… and it says Connection: close (it does not read the body)")

        step("8. stale copies only while the app fails")
        check(get("/en/parks/ssip/")[0].headers["X-Proxy-Cache"] == "HIT", "the park page is in the proxy")
        app.terminate()
        app.wait(timeout=30)
        time.sleep(SHARED_CACHE_SECONDS + 1)
        response, _ = get("/en/parks/ssip/")
        check(
            response.status == 200 and response.headers["X-Proxy-Cache"] == "STALE",
            f"gunicorn stopped: the park page from the proxy ({response.status} {response.headers['X-Proxy-Cache']})",
        )
        for name, slug in slugs.items():
            response, content = get(f"/en/news/{slug}/")
            # A 410 asked for after the withdrawal is in the proxy's cache: it stays a 410.
            expected = (410,) if answer[name] == 410 else (answer[name], 502)
            check(
                response.status in expected and f"Withdrawn {slug}" not in content,
                f"{name}: still not shown ({response.status} {response.headers.get('X-Proxy-Cache')})",
            )
        passed = True
    finally:
        for process in (proxy, app):
            process.terminate()
            process.wait(timeout=30)
        log.close()
        if not passed:
            print("== last lines of gunicorn's log")
            print("\n".join((WORK / "gunicorn.log").read_text().splitlines()[-30:]))
            print("== nginx's error log")
            print((WORK / "nginx" / "error.log").read_text()[-3000:])
    shutil.rmtree(WORK)
    print("proxy: all checks passed")


if __name__ == "__main__":
    main()
