# legache: `make run` to try it, `make test` before you push. See README.md.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.13 2>/dev/null || command -v python3 2>/dev/null || echo python3.13)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed-$(shell cksum requirements-dev.lock | cut -d' ' -f1)

.PHONY: help install run migrate serve test lint format browser bench lighthouse lock mutation clean

help:
	@echo "make run    install, migrate, load content, serve on http://127.0.0.1:$(PORT) (e.g. make run PORT=8001)"
	@echo "make test   install, lint, run every test (browser tests included)"
	@echo "make serve  production-like server: gunicorn, DEBUG off, whitenoise"
	@echo "make bench  load benchmark of the production configuration (gunicorn, 4 workers)"
	@echo "make lighthouse  Lighthouse (mobile) on four pages of the production configuration"
	@echo "make mutation  mutation testing of the importers (MUTATION_MODULES=fit,gpx to narrow)"
	@echo "make lock   re-pin dependencies after editing pyproject.toml"

$(STAMP): requirements-dev.lock
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 13))' 2>/dev/null || \
	  { echo "legache needs Python 3.13 ('$(PYTHON)' is not it). Install it, e.g. 'pyenv install 3.13'."; exit 1; }
	@if [ -e $(VENV) ] && ! $(BIN)/python -c 'import sys; sys.exit(sys.version_info[:2] != (3, 13))' 2>/dev/null; then rm -rf $(VENV); fi
	@[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-dev.lock
	@rm -f $(VENV)/.installed-*
	@touch $@

install: $(STAMP)

migrate: install
	$(BIN)/python manage.py migrate --noinput

# The web server and, beside it, the worker that runs imports in the background; stopping
# `make run` (Ctrl+C) stops both.
run: migrate
	@$(BIN)/python manage.py db_worker & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# Production settings on plain http://127.0.0.1:$(PORT) (no TLS proxy here): a throwaway secret
# key unless you set one, local host names, no HTTPS redirect. Browsers accept the Secure
# cookies on localhost. The local Redis unless REDIS_URL says otherwise: gunicorn's workers
# must share the sign-in throttle's counts and the cached pages (without Redis the site still
# serves pages, but refuses sign-in).
SERVE_ENV = DJANGO_DEBUG=0 \
	DJANGO_SECRET_KEY=$${DJANGO_SECRET_KEY:-$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))')} \
	DJANGO_ALLOWED_HOSTS=$${DJANGO_ALLOWED_HOSTS:-127.0.0.1,localhost} \
	DJANGO_SECURE_SSL_REDIRECT=$${DJANGO_SECURE_SSL_REDIRECT:-0} \
	LEGACHE_SITE_URL=$${LEGACHE_SITE_URL:-http://127.0.0.1:$(PORT)} \
	REDIS_URL=$${REDIS_URL:-redis://127.0.0.1:6379/0} \
	GUNICORN_BIND=$${GUNICORN_BIND:-127.0.0.1:$(PORT)}

serve: migrate
	$(SERVE_ENV) $(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(SERVE_ENV) $(BIN)/gunicorn --config legache/gunicorn.conf.py legache.wsgi

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

browser: install
	@$(BIN)/python -m tests.browser_setup

test: lint browser
	DJANGO_ALLOW_ASYNC_UNSAFE=true $(BIN)/pytest

bench: install
	$(BIN)/python -m tests.bench

# Needs lighthouse (npm install -g lighthouse) and Chromium (CHROME_PATH, /usr/bin/chromium).
lighthouse: install
	$(BIN)/python -m tests.lighthouse

# Small wrong versions of each importer module, run against its tests; fails under 85 % killed.
# See tests/mutation.py and README.md.
mutation: install
	DJANGO_ALLOW_ASYNC_UNSAFE=true nice -n 10 $(BIN)/python -m tests.mutation

lock: install
	$(BIN)/uv pip compile pyproject.toml --generate-hashes --python-version 3.13 -q -o requirements.lock
	$(BIN)/uv pip compile pyproject.toml --extra dev --generate-hashes --python-version 3.13 -q -o requirements-dev.lock

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache test-artifacts
