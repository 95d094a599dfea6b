# legache: `make run` to try it, `make test` before you push. See README.md.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.13 2>/dev/null || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell sha256sum requirements-dev.lock | cut -c1-12)

.PHONY: help install run migrate serve test lint format lock clean

help:
	@echo "make run    install, migrate, load content, serve on http://127.0.0.1:8000"
	@echo "make test   install, lint, run every test (browser tests included)"
	@echo "make serve  production-like server: gunicorn, DEBUG off, whitenoise"
	@echo "make lock   re-pin dependencies after editing pyproject.toml"

$(STAMP): requirements-dev.lock
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 13))' || \
	  { echo "legache needs Python 3.13 (found $$($(PYTHON) --version)). Install it, e.g. 'pyenv install 3.13'."; exit 1; }
	@if [ -x $(BIN)/python ] && ! $(BIN)/python -c 'import sys; sys.exit(sys.version_info[:2] != (3, 13))'; then rm -rf $(VENV); fi
	@[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-dev.lock
	@rm -f $(VENV)/.installed-*
	@touch $@

install: $(STAMP)

migrate: install
	$(BIN)/python manage.py migrate --noinput

run: migrate
	$(BIN)/python manage.py runserver 127.0.0.1:8000

serve: migrate
	DJANGO_DEBUG=0 $(BIN)/python manage.py collectstatic --noinput --verbosity 0
	DJANGO_DEBUG=0 $(BIN)/gunicorn --config legache/gunicorn.conf.py legache.wsgi

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

test: lint
	DJANGO_ALLOW_ASYNC_UNSAFE=true $(BIN)/pytest

lock: install
	$(BIN)/uv pip compile pyproject.toml --generate-hashes --python-version 3.13 -q -o requirements.lock
	$(BIN)/uv pip compile pyproject.toml --extra dev --generate-hashes --python-version 3.13 -q -o requirements-dev.lock

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache test-artifacts
