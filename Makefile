# The entry points README.md names. Odoo 18 must be importable by python3.
# bin/dealer runs the private PostgreSQL cluster and calls the standard tools
# (click-odoo-update, click-odoo-dropdb, click-odoo-makepot, checklog-odoo, pre-commit).
PYTHON ?= python3
PORT ?= 8069
DB ?= dealer

.PHONY: run test lint format readme reset pot compat help

help:
	@echo "make run     serve Odoo 18 with every dealer addon and demo data (PORT=$(PORT), DB=$(DB));"
	@echo "             a second run updates only the addons whose files changed (click-odoo-update)"
	@echo "make test    lint, install all addons with their tests on a fresh database, checklog-odoo, pytest"
	@echo "make lint    pre-commit run -a: OCA's 18.0 hooks (ruff, pylint-odoo, prettier, oca-checks-*)"
	@echo "make format  rewrite files with prettier (XML...), ruff and ruff-format"
	@echo "make readme  README.rst and static/description/index.html from readme/ (oca-gen-addon-readme)"
	@echo "make reset   drop the database that make run uses (click-odoo-dropdb)"
	@echo "make compat  the own tests of the core/OCA modules we extend, every company's policies off"
	@echo "make pot     export each addon's i18n/<addon>.pot and merge its zh_CN.po (click-odoo-makepot)"

run:
	@$(PYTHON) bin/dealer run --port $(PORT) --db $(DB)

test:
	@$(PYTHON) bin/dealer test

lint:
	@$(PYTHON) bin/dealer lint

format:
	@$(PYTHON) bin/dealer format

readme:
	@$(PYTHON) bin/dealer readme

reset:
	@$(PYTHON) bin/dealer reset --db $(DB)

pot:
	@$(PYTHON) bin/dealer pot

compat:
	@$(PYTHON) bin/dealer compat
