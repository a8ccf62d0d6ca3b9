# The entry points README.md names. Odoo 18 must be importable by python3.
PYTHON ?= python3
PORT ?= 8069
DB ?= dealer

.PHONY: run test lint reset pot compat help

help:
	@echo "make run    serve Odoo 18 with every dealer addon and demo data (PORT=$(PORT), DB=$(DB))"
	@echo "make test   lint, install all addons with their tests on a fresh database, pytest"
	@echo "make lint   ruff, ruff-format and pylint-odoo (OCA's mandatory checks)"
	@echo "make reset  drop the database that make run uses"
	@echo "make compat the own tests of the core/OCA modules we extend, policies off"
	@echo "make pot    export each addon's i18n/<addon>.pot and merge its zh_CN.po"

run:
	@$(PYTHON) bin/dealer run --port $(PORT) --db $(DB)

test:
	@$(PYTHON) bin/dealer test

lint:
	@$(PYTHON) bin/dealer lint

reset:
	@$(PYTHON) bin/dealer reset --db $(DB)

pot:
	@$(PYTHON) bin/dealer pot

compat:
	@$(PYTHON) bin/dealer compat
