"""No addon uses a higher addon (the dependency tables of DESIGN.md and BRIDGES.md)."""

import re

from conftest import ADDONS_DIR, DOCS, addon_dirs, read_manifest, shared_file

REFERENCE = re.compile(r"\b(dealer_[a-z_]+)\.[a-z_]")
PY_IMPORT = re.compile(r"odoo\.addons\.(dealer_[a-z_]+)")


def table_rows(text):
    """{addon: set of dealer addons it names} of a markdown dependency table."""
    direct = {}
    for line in text.splitlines():
        match = re.match(r"^\| (dealer_\w+) \| ([^|]+) \|", line)
        if match:
            deps = {d.strip() for d in match[2].replace("(", ",").split(",")}
            direct[match[1]] = {d for d in deps if d.startswith("dealer_")}
    return direct


def bridge_rows():
    """The repository's bridges, not yet in the team's DESIGN.md."""
    return table_rows((DOCS / "BRIDGES.md").read_text(encoding="utf-8"))


def design_table():
    """{addon: set of dealer addons it may depend on, transitively}."""
    direct = table_rows(shared_file("DESIGN.md").read_text(encoding="utf-8"))
    direct.update(bridge_rows())
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


def test_bridges_are_bridges():
    """BRIDGES.md cannot smuggle a full addon past the team's table."""
    team = table_rows(shared_file("DESIGN.md").read_text(encoding="utf-8"))
    bridges = bridge_rows()
    assert bridges, "docs/BRIDGES.md lists no bridge"
    for name, named in bridges.items():
        assert name not in team, f"{name} is in DESIGN.md: drop it from BRIDGES.md"
        manifest = read_manifest(ADDONS_DIR / name)
        assert manifest.get("auto_install"), f"{name} does not install automatically"
        deps = {d for d in manifest["depends"] if d.startswith("dealer_")}
        assert deps == named, f"{name} depends on {deps}, BRIDGES.md says {named}"


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


MODEL_NAME = re.compile(r"""_name = ["'](dealer\.[a-z_.]+)["']""")
QUOTED_MODEL = re.compile(r"""["'](dealer\.[a-z_.]+)["']""")
FIELD_DEF = re.compile(r"^    (dealer_[a-z0-9_]+) = fields\.", re.M)
# A field read: quoted or after a dot in Python and JavaScript; in XML, a
# <field> element's name or a quoted name in a domain or expression.
FIELD_USE = {
    ".py": re.compile(r"""["'](dealer_[a-z0-9_]+)["']|\.(dealer_[a-z0-9_]+)\b"""),
    ".js": re.compile(r"""["'](dealer_[a-z0-9_]+)["']|\.(dealer_[a-z0-9_]+)\b"""),
    ".xml": re.compile(
        r"""<field\b[^>]*\bname="(dealer_[a-z0-9_]+)"|'(dealer_[a-z0-9_]+)'"""
    ),
}


def owners():
    """{model name: addon that creates it}, {dealer_ field: addons that add it}."""
    models, fields = {}, {}
    for addon in addon_dirs():
        for path in (
            (addon / "models").rglob("*.py") if (addon / "models").is_dir() else ()
        ):
            text = path.read_text(encoding="utf-8")
            for name in MODEL_NAME.findall(text):
                # ``_name`` repeated beside ``_inherit = [name, mixin]`` extends
                # the model: it is not where the model is created.
                if re.search(
                    rf"""_inherit = \[[^\]]*["']{re.escape(name)}["']""", text
                ):
                    continue
                models.setdefault(name, addon.name)
            for name in FIELD_DEF.findall(text):
                fields.setdefault(name, set()).add(addon.name)
    return models, fields


def test_no_addon_reads_a_sibling_by_model_or_field_name(addon):
    """Issue 18: a model (``"dealer.warranty.claim"``) or a ``dealer_`` field
    read by name is a dependency as much as an import is: a sideways read
    belongs in a bridge addon."""
    allowed = design_table()[addon.name] | {addon.name}
    models, fields = owners()
    addon_names = {p.name for p in ADDONS_DIR.iterdir()}
    for path in addon.rglob("*"):
        if path.suffix not in (".py", ".xml", ".js") or "tests" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        used_models = {
            models[name] for name in QUOTED_MODEL.findall(text) if name in models
        }
        bad = used_models - allowed
        assert not bad, f"{path.relative_to(ADDONS_DIR)} reads models of {bad}"
        used = {a or b for a, b in FIELD_USE[path.suffix].findall(text)}
        for name in used - addon_names:
            if name in fields and not fields[name] & allowed:
                raise AssertionError(
                    f"{path.relative_to(ADDONS_DIR)} reads {name} of {fields[name]}"
                )
