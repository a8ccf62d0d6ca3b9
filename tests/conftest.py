"""Shared helpers of the repository-level tests (no Odoo needed)."""

import ast
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ADDONS_DIR = ROOT / "addons"
SHARED = Path(os.environ.get("DEALER_SHARED", ROOT.parent / "shared"))
# The team's documents the tests read, carried by the repository (issue 18): a
# plain clone runs every test. test_docs.py checks them against the team's copy.
DOCS = ROOT / "docs"
CARRIED_DOCS = ("DESIGN.md", "manual/RULES.md")


def addon_dirs():
    return sorted(p.parent for p in ADDONS_DIR.glob("*/__manifest__.py"))


def read_manifest(addon_dir):
    return ast.literal_eval((addon_dir / "__manifest__.py").read_text(encoding="utf-8"))


def shared_file(relative):
    """A team document the repository carries in docs/."""
    assert relative in CARRIED_DOCS, f"docs/ does not carry {relative}"
    return DOCS / relative


@pytest.fixture(params=addon_dirs(), ids=lambda p: p.name)
def addon(request):
    return request.param
