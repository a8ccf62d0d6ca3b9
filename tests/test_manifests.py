"""Every addon's manifest is complete, and every XML file parses."""

import re
import xml.etree.ElementTree as ET

from conftest import ADDONS_DIR, read_manifest

LICENSES = {"AGPL-3", "LGPL-3", "GPL-3", "GPL-3 or any later version"}


def test_there_are_addons():
    assert list(ADDONS_DIR.glob("*/__manifest__.py")), "no addon under addons/"


def test_manifest_keys(addon):
    manifest = read_manifest(addon)
    assert re.fullmatch(r"18\.0\.\d+\.\d+\.\d+", manifest["version"]), manifest[
        "version"
    ]
    assert manifest.get("license") in LICENSES
    assert manifest.get("author") == "Dealer Management Team"
    assert re.fullmatch(r"https://\S+", manifest.get("website", ""))
    assert isinstance(manifest.get("depends"), list) and manifest["depends"]
    assert "description" not in manifest, "the README replaces the description"


def test_manifest_files_exist(addon):
    manifest = read_manifest(addon)
    for key in ("data", "demo"):
        for relative in manifest.get(key, []):
            assert (
                addon / relative
            ).is_file(), f"{addon.name}: {key} file {relative} missing"


def test_addon_has_readme_fragments(addon):
    assert (addon / "readme" / "DESCRIPTION.md").is_file()
    assert (addon / "README.rst").is_file()
    assert (addon / "static" / "description" / "icon.png").is_file()


def test_xml_files_parse(addon):
    files = list(addon.rglob("*.xml"))
    for path in files:
        ET.parse(path)  # raises on a syntax error
