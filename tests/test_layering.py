"""No addon uses a higher addon (the dependency table of DESIGN.md)."""

import re

from conftest import ADDONS_DIR, addon_dirs, read_manifest, shared_file

REFERENCE = re.compile(r"\b(dealer_[a-z_]+)\.[a-z_]")
PY_IMPORT = re.compile(r"odoo\.addons\.(dealer_[a-z_]+)")


def design_table():
    """{addon: set of dealer addons it may depend on, transitively}."""
    text = shared_file("DESIGN.md").read_text(encoding="utf-8")
    direct = {}
    for line in text.splitlines():
        match = re.match(r"^\| (dealer_\w+) \| ([^|]+) \|", line)
        if match:
            deps = {d.strip() for d in match[2].replace("(", ",").split(",")}
            direct[match[1]] = {d for d in deps if d.startswith("dealer_")}
    if "dealer_management" in direct:  # "all of the above"
        direct["dealer_management"] = set(direct) - {"dealer_management"}

    def closure(name, seen=()):
        result = set()
        for dep in direct.get(name, ()):
            if dep not in seen:
                result |= {dep} | closure(dep, (*seen, name))
        return result

    return {name: closure(name) for name in direct}


def test_every_addon_is_in_design():
    table = design_table()
    for addon in addon_dirs():
        assert addon.name in table, f"{addon.name} is not in DESIGN.md's table"


def test_no_addon_uses_a_higher_addon(addon):
    allowed = design_table()[addon.name] | {addon.name}
    manifest_deps = {
        d for d in read_manifest(addon)["depends"] if d.startswith("dealer_")
    }
    assert (
        manifest_deps <= allowed
    ), f"{addon.name} depends on {manifest_deps - allowed}"
    for path in addon.rglob("*"):
        if path.suffix not in (".py", ".xml", ".csv", ".js"):
            continue
        text = path.read_text(encoding="utf-8")
        used = set(PY_IMPORT.findall(text)) | set(REFERENCE.findall(text))
        used &= {p.name for p in ADDONS_DIR.iterdir()} | set(design_table())
        assert used <= allowed, f"{path.relative_to(ADDONS_DIR)} uses {used - allowed}"
