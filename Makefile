# The two commands of the README: `make run` and `make test`.
# Everything they need is installed here, into .venv, from the pinned requirements.

PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
MO := locale/zh_Hans/LC_MESSAGES/django.mo locale/zh_Hans/LC_MESSAGES/djangojs.mo locale/zh_Hant/LC_MESSAGES/django.mo

.PHONY: run test test-browser install install-test messages migrate load lint serve serve-proxy test-proxy proxy-deps clean browser-deps

# Stamp files: reinstall only when a requirements file changes.
$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed requirements-test.txt
	$(PIP) install --quiet -r requirements-test.txt
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

# Compiled translations. msgfmt comes from GNU gettext (Debian package `gettext`). The Traditional
# catalogue (locale/zh_Hant, not committed) is the Simplified one converted (core/i18n/traditional.py).
$(MO) &: locale/zh_Hans/LC_MESSAGES/django.po locale/zh_Hans/LC_MESSAGES/djangojs.po core/i18n/traditional_names.tsv $(VENV)/.installed
	@command -v msgfmt >/dev/null || { echo "msgfmt not found: install GNU gettext (apt-get install gettext)"; exit 1; }
	$(PY) manage.py traditional_catalogue -v0
	$(PY) manage.py compilemessages --ignore=.venv -v0
messages: $(MO)

migrate: install messages
	$(PY) manage.py migrate --noinput -v1

# load_content: the fixtures the content types declare (core/registry.py), loaded by the validating
# loaddata; natural keys update rows in place, so this is safe to repeat.
# The demo pictures are drawn by the project itself (images/management/commands); the
# renditions step then resizes only what is missing.
load: migrate
	$(PY) manage.py make_demo_images
	$(PY) manage.py load_content
	$(PY) manage.py make_renditions

run: load
	$(PY) manage.py runserver 127.0.0.1:8000

# The browser tests (e2e/) drive Debian's chromium with Playwright for Python and run axe-core
# from npm. Debian packages are installed only when missing (CI runs as root); apt-get update
# runs only then. Playwright's own browser download is never used (`playwright install`).
BROWSER_DEBS := chromium fonts-noto-cjk
browser-deps: node_modules/.installed
	@missing=""; for deb in $(BROWSER_DEBS); do dpkg -s $$deb >/dev/null 2>&1 || missing="$$missing $$deb"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q --no-install-recommends $$missing; \
	fi

node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm not found: install Node.js 20 (apt-get install nodejs npm)"; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Everything but the browser: pyproject.toml's norecursedirs leaves out e2e/. The tests run on every core
# (pytest-xdist; PYTEST_WORKERS=0 runs them in this process, e.g. to use a debugger).
PYTEST_WORKERS ?= auto
test: install-test messages
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	DJANGO_SETTINGS_MODULE=coop_portal.settings.test $(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

# The browser tests (e2e/): pages as Chromium lays them out, axe-core, the page budget.
test-browser: install-test messages browser-deps
	$(VENV)/bin/pytest e2e $(PYTEST_ARGS)

# A local production-like run: production settings, gunicorn (gunicorn.conf.py), WhiteNoise, on
# 127.0.0.1:8000. Settings come from .env, made from .env.example on the first run with a new random
# SECRET_KEY (.env is not committed). Fixtures are loaded only into an empty database, so editors'
# changes survive a restart.
.env: | $(VENV)/.installed
	sed "s|^SECRET_KEY=.*|SECRET_KEY=$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')|" .env.example > $@
	@echo "Wrote .env (local settings for make serve) from .env.example"

# It speaks plain HTTP: no redirect to HTTPS unless .env asks for one (.env.example's default is
# the production one, redirect on).
serve: install messages .env
	set -a && . ./.env && set +a && export DJANGO_SETTINGS_MODULE=coop_portal.settings.production && \
	export SECURE_SSL_REDIRECT=$${SECURE_SSL_REDIRECT:-0} && \
	$(PY) manage.py migrate --noinput -v1 && \
	$(PY) manage.py collectstatic --noinput -v0 && \
	{ test "$$($(PY) manage.py shell -v0 -c 'from parks.models import Park; print(Park.objects.count())')" != 0 || \
	  { $(PY) manage.py make_demo_images && $(PY) manage.py load_content && $(PY) manage.py make_renditions; }; } && \
	exec $(VENV)/bin/gunicorn -c gunicorn.conf.py coop_portal.wsgi

# The same behind nginx's cache (deploy/nginx/portal.conf): the way to take spikes and to scale out
# (docs/operations.md). nginx on 127.0.0.1:$(PROXY_PORT), its files under var/nginx; gunicorn as above,
# on $(APP_BIND).
PROXY_PORT ?= 8080
APP_BIND ?= 127.0.0.1:8000
serve-proxy: proxy-deps
	$(PY) deploy/nginx/run.py --listen 127.0.0.1:$(PROXY_PORT) --upstream $(APP_BIND) & nginx=$$!; \
	trap 'kill $$nginx' EXIT INT TERM; GUNICORN_BIND=$(APP_BIND) $(MAKE) serve

# What the proxy is tested for (scripts/proxy_check.py): cache hits, staff and drafts kept out,
# an edit visible within the stated bound. .ci/run runs it.
test-proxy: install messages proxy-deps
	$(PY) scripts/proxy_check.py

# Debian's nginx, installed only when missing (as browser-deps does for chromium).
proxy-deps:
	@if ! dpkg -s nginx >/dev/null 2>&1; then \
	  echo "installing nginx"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q --no-install-recommends nginx; \
	fi

lint: install-test
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean:
	rm -rf $(VENV) staticfiles .pytest_cache cache var
