"""Production settings read from the environment, run in a real process as gunicorn would."""

import json
import os
import subprocess
import sys
import urllib.request

import boto3
import pytest
from django.conf import settings
from moto.server import ThreadedMotoServer

REQUIRED = {"SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "portal.example.org"}
# Variables of production.py that the machine running the tests may have set.
OWN = ("DATABASE_URL", "REDIS_URL", "PAGE_CACHE", "CACHE_DIR", "SERVE_MEDIA", "MEDIA_ROOT", "AWS_")


def production_process(code, **env_overrides):
    """``code`` run by a new Python with the production settings and this environment."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(OWN)}
    env.update({"DJANGO_SETTINGS_MODULE": "coop_portal.settings.production", **REQUIRED, **env_overrides})
    return subprocess.run(
        [sys.executable, "-c", code], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=60
    )


def run_production(script, **env_overrides):
    code = f"import django, json; django.setup(); from django.conf import settings\n{script}"
    result = production_process(code, **env_overrides)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def production_refuses(**env_overrides) -> str:
    """What the production settings print when they refuse to start with this environment."""
    result = production_process("import django; django.setup()", **env_overrides)
    assert result.returncode != 0
    return result.stderr


SETTINGS = """print(json.dumps({
    "cache": settings.CACHES["default"]["BACKEND"], "page_cache": settings.PAGE_CACHE,
    "cache_options": settings.CACHES["default"].get("OPTIONS", {}),
    "cache_location": str(settings.CACHES["default"].get("LOCATION")),
    "media": settings.STORAGES["default"]["BACKEND"], "media_root": str(settings.MEDIA_ROOT),
    "static": settings.STORAGES["staticfiles"]["BACKEND"], "csrf": settings.CSRF_TRUSTED_ORIGINS,
    "conn_max_age": settings.DATABASES["default"]["CONN_MAX_AGE"],
    "engine": settings.DATABASES["default"]["ENGINE"],
}))"""


def test_defaults_need_no_service():
    found = run_production(SETTINGS)
    # Without Redis, the workers of the machine share a cache in files: pages are cached, and an
    # edit through one worker is seen by every other.
    assert found["cache"] == "django.core.cache.backends.filebased.FileBasedCache"
    assert found["cache_location"] == str(settings.BASE_DIR / "cache")
    assert found["page_cache"] is True
    assert found["media"] == "django.core.files.storage.FileSystemStorage"
    assert found["static"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert found["engine"] == "django.db.backends.sqlite3"


def test_services_come_from_the_environment(tmp_path):
    found = run_production(
        SETTINGS,
        DATABASE_URL="postgres://portal@db.internal:5432/portal",
        REDIS_URL="redis://cache.internal:6379/0",
        CSRF_TRUSTED_ORIGINS="https://portal.example.org,https://www.portal.example.org",
        MEDIA_ROOT=str(tmp_path),
    )
    assert found["engine"] == "core.postgresql"  # Django's, with a bound on waits (core/postgresql/)
    assert found["conn_max_age"] == 60  # persistent connections
    assert found["cache"] == "core.pagecache.backend.RedisCache"  # with a circuit breaker
    # A hung Redis costs a request one short timeout (core/tests/test_page_cache.py).
    assert found["cache_options"] == {"socket_connect_timeout": 0.25, "socket_timeout": 0.25}
    assert found["page_cache"] is True
    assert found["csrf"] == ["https://portal.example.org", "https://www.portal.example.org"]
    assert found["media_root"] == str(tmp_path)


def test_page_cache_switch():
    assert run_production(SETTINGS, REDIS_URL="redis://127.0.0.1:6379/0", PAGE_CACHE="0")["page_cache"] is False
    assert run_production(SETTINGS, PAGE_CACHE="0")["page_cache"] is False


def test_a_mistyped_switch_is_refused():
    assert "PAGE_CACHE must be true or false" in production_refuses(PAGE_CACHE="sometimes")


def test_trusted_proxies_come_from_the_environment():
    script = 'print(json.dumps({"proxies": settings.TRUSTED_PROXIES, "axes": settings.AXES_CLIENT_IP_CALLABLE}))'
    assert run_production(script) == {"proxies": [], "axes": "core.network.client_ip"}
    assert run_production(script, TRUSTED_PROXIES="127.0.0.1, 10.0.0.0/24")["proxies"] == ["127.0.0.1", "10.0.0.0/24"]
    assert "TRUSTED_PROXIES: 'nginx' is not an address or network" in production_refuses(TRUSTED_PROXIES="nginx")


@pytest.fixture
def s3_server():
    """moto's S3 in server mode: a real HTTP server on 127.0.0.1, on a free port."""
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


UPLOAD = """
from django.core.files.base import ContentFile
from django.core.files.storage import storages
default_storage = storages["default"]
name = default_storage.save("parks/ssip-gate.txt", ContentFile("苏州宿迁工业园区 gate".encode()))
again = default_storage.save("parks/ssip-gate.txt", ContentFile(b"a second upload"))
with default_storage.open(name) as f:
    body = f.read().decode()
print(json.dumps({"backend": type(default_storage).__name__, "name": name, "again": again,
                  "body": body, "url": default_storage.url(name)}))
"""


def test_media_on_s3_compatible_storage(s3_server):
    credentials = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}
    boto3.client("s3", endpoint_url=s3_server, region_name="us-east-1", **_lower(credentials)).create_bucket(
        Bucket="portal-media"
    )
    found = run_production(
        UPLOAD,
        AWS_STORAGE_BUCKET_NAME="portal-media",
        AWS_S3_ENDPOINT_URL=s3_server,
        AWS_S3_REGION_NAME="us-east-1",
        AWS_S3_ADDRESSING_STYLE="path",
        AWS_DEFAULT_ACL="public-read",
        **credentials,
    )
    assert found["backend"] == "S3Storage"
    assert found["body"] == "苏州宿迁工业园区 gate"
    assert found["again"] != found["name"]  # the first upload is kept
    assert found["url"] == f"{s3_server}/portal-media/media/parks/ssip-gate.txt"
    # The URL a page would show serves the file, without a signature.
    with urllib.request.urlopen(found["url"], timeout=10) as response:  # noqa: S310 (local test server)
        assert response.read().decode() == "苏州宿迁工业园区 gate"
    stored = boto3.client("s3", endpoint_url=s3_server, region_name="us-east-1", **_lower(credentials))
    keys = {obj["Key"] for obj in stored.list_objects_v2(Bucket="portal-media")["Contents"]}
    assert keys == {"media/parks/ssip-gate.txt", f"media/{found['again']}"}


def _lower(credentials):
    return {key.lower(): value for key, value in credentials.items()}


def test_env_example_lists_every_variable_read_in_production():
    import re

    # require_env("X"), env_bool("X", ...), os.environ.get("X", ...), os.environ["X"], ...
    reads = re.compile(
        r"""(?:require_env|env_list|env_bool|env_str|environ\.get|environ)\(?\[?["']([A-Z][A-Z0-9_]+)["']"""
    )
    read = set()
    for name in ("coop_portal/settings/base.py", "coop_portal/settings/production.py", "gunicorn.conf.py"):
        read |= set(reads.findall((settings.BASE_DIR / name).read_text()))
    assert "AWS_S3_ENDPOINT_URL" in read
    read.add("DATABASE_URL")  # read by dj_database_url.config()
    read |= {"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "FORWARDED_ALLOW_IPS"}  # read by boto3 and gunicorn
    listed = set(re.findall(r"^#? ?([A-Z][A-Z0-9_]+)=", (settings.BASE_DIR / ".env.example").read_text(), re.M))
    assert read - {"DJANGO_SETTINGS_MODULE"} <= listed, read - listed
    assert {"SECRET_KEY", "ALLOWED_HOSTS", "REDIS_URL", "AWS_STORAGE_BUCKET_NAME"} <= listed


MEDIA_GET = """
from django.test import Client
from django.urls import Resolver404, resolve
try:
    resolve("/media/parks/gate.txt")
except Resolver404:
    print(json.dumps({"served": False}))
else:
    response = Client().get("/media/parks/gate.txt")
    body = b"".join(response.streaming_content).decode()
    print(json.dumps({"served": True, "status": response.status_code, "body": body}))
"""


@pytest.mark.parametrize("serve_media", [True, False])
def test_local_media_served_by_django_only_when_asked(tmp_path, serve_media):
    (tmp_path / "parks").mkdir()
    (tmp_path / "parks" / "gate.txt").write_text("gate")
    found = run_production(
        MEDIA_GET,
        MEDIA_ROOT=str(tmp_path),
        SERVE_MEDIA=str(serve_media).lower(),
        ALLOWED_HOSTS="testserver",
        SECURE_SSL_REDIRECT="0",  # the test client speaks plain HTTP
    )
    assert found["served"] is serve_media
    if serve_media:
        assert (found["status"], found["body"]) == (200, "gate")


DATABASE_OPTIONS = 'print(json.dumps(settings.DATABASES["default"]["OPTIONS"]))'


def test_a_database_that_does_not_answer_is_bounded_by_default():
    """What a hung PostgreSQL may cost a request (core/tests/test_database_faults.py;
    docs/operations.md, "When the database hangs")."""
    options = run_production(DATABASE_OPTIONS, DATABASE_URL="postgres://portal@db.internal:5432/portal")
    assert options["connect_timeout"] == 2
    assert options["options"] == "-c statement_timeout=5000"
    assert options["client_timeout"] == 6  # the server's own limit first, then the client's
    assert options["health_check_timeout"] == 2
    assert options["retry_seconds"] == 5
    assert options["tcp_user_timeout"] == 6000
    assert options["keepalives"] == 1


def test_an_operator_can_change_the_database_timeouts():
    options = run_production(
        DATABASE_OPTIONS,
        DATABASE_URL="postgres://portal@db.internal:5432/portal?sslmode=require",
        DATABASE_CONNECT_TIMEOUT="5",
        DATABASE_STATEMENT_TIMEOUT="30",
        DATABASE_RETRY_SECONDS="10",
    )
    assert options["connect_timeout"] == 5
    assert options["options"] == "-c statement_timeout=30000"
    assert options["client_timeout"] == 31
    assert options["retry_seconds"] == 10
    assert options["sslmode"] == "require"  # what the URL says is kept
    # A long maintenance run (a migration on a large table): no statement limit, no client deadline.
    options = run_production(
        DATABASE_OPTIONS, DATABASE_URL="postgres://portal@db.internal/portal", DATABASE_STATEMENT_TIMEOUT="0"
    )
    assert options["options"] == "-c statement_timeout=0"
    assert options["client_timeout"] is None
    assert options["health_check_timeout"] is None
