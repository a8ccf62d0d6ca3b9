"""Shared helpers of the repository-level tests (no Odoo needed)."""

import ast
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ADDONS_DIR = ROOT / "addons"
SHARED = Path(os.environ.get("DEALER_SHARED", ROOT.parent / "shared"))


def addon_dirs():
    return sorted(p.parent for p in ADDONS_DIR.glob("*/__manifest__.py"))


def read_manifest(addon_dir):
    return ast.literal_eval((addon_dir / "__manifest__.py").read_text(encoding="utf-8"))


def shared_file(relative):
    """A file of the team's shared folder (beside the repository in CI)."""
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"{path} is not available on this machine")
    return path


@pytest.fixture(params=addon_dirs(), ids=lambda p: p.name)
def addon(request):
    return request.param
