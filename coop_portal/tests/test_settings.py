"""Production settings fail loudly instead of inventing secrets."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

CHECK = "import django; django.setup(); from django.conf import settings; print(settings.ALLOWED_HOSTS)"


def run_with(env_overrides):
    env = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "ALLOWED_HOSTS")}
    env.update({"DJANGO_SETTINGS_MODULE": "coop_portal.settings.production", **env_overrides})
    return subprocess.run(
        [sys.executable, "-c", CHECK], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=60
    )


@pytest.mark.parametrize(
    ("env", "missing"),
    [({}, "SECRET_KEY"), ({"SECRET_KEY": "x" * 50}, "ALLOWED_HOSTS")],
)
def test_production_refuses_to_start_without_required_env(env, missing):
    result = run_with(env)
    assert result.returncode != 0
    assert f"The environment variable {missing} must be set in production" in result.stderr


def test_production_starts_with_required_env():
    result = run_with({"SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "portal.example.org,www.portal.example.org"})
    assert result.returncode == 0, result.stderr
    assert "['portal.example.org', 'www.portal.example.org']" in result.stdout


def deploy_check(env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_check_is_clean_with_production_settings():
    env = {k: v for k, v in os.environ.items() if k not in ("SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS")}
    env.update(
        DJANGO_SETTINGS_MODULE="coop_portal.settings.production",
        SECRET_KEY="k" * 20 + "-not-a-real-key-but-long-and-varied-0123456789",
        ALLOWED_HOSTS="portal.example.org",
        INQUIRY_NOTIFY_EMAILS="invest@portal.example.org",
    )
    result = deploy_check(env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def env_file(path) -> dict:
    """The variables a shell sets from a file like .env.example (``set -a; . ./file``)."""
    env = {}
    for line in path.read_text().splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            name, _, value = line.partition("=")
            env[name.strip()] = value.strip()
    return env


def test_deploy_check_is_clean_with_the_documented_env_example():
    """The settings an operator gets from .env.example (with the SECRET_KEY `make serve` writes)
    are the safe ones: HTTPS redirect on; plain HTTP is a choice the file explains."""
    documented = env_file(settings.BASE_DIR / ".env.example")
    assert documented.get("SECURE_SSL_REDIRECT", "1") != "0"
    own = ("DATABASE_URL", "REDIS_URL", "PAGE_CACHE", "CACHE_DIR", "SERVE_MEDIA", "MEDIA_ROOT", "AWS_", "SECURE_")
    env = {k: v for k, v in os.environ.items() if not k.startswith(own)}
    env.update(documented, DJANGO_SETTINGS_MODULE="coop_portal.settings.production")
    env["SECRET_KEY"] = "k" * 20 + "-not-a-real-key-but-long-and-varied-0123456789"
    result = deploy_check(env)
    assert "security.W008" not in result.stdout + result.stderr
    assert result.returncode == 0, result.stdout + result.stderr
