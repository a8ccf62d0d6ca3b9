"""Every model an addon declares in Python has access rights in that addon."""

import ast
import csv


def declared_models(addon):
    """_name of every Model/TransientModel class of the addon (not abstract ones)."""
    names = set()
    for path in addon.rglob("*.py"):
        if "tests" in path.relative_to(addon).parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.ClassDef):
                continue
            bases = {ast.unparse(base) for base in node.bases}
            if "models.AbstractModel" in bases:
                continue
            attrs = {
                target.id: stmt.value
                for stmt in node.body
                if isinstance(stmt, ast.Assign)
                for target in stmt.targets
                if isinstance(target, ast.Name)
            }
            name = attrs.get("_name")
            inherit = attrs.get("_inherit")
            if isinstance(name, ast.Constant):
                inherited = ast.literal_eval(inherit) if inherit is not None else None
                if inherited == name.value or (
                    isinstance(inherited, list) and name.value in inherited
                ):
                    continue  # an extension, not a new model
                names.add(name.value)
    return names


def access_rows(addon):
    path = addon / "security" / "ir.model.access.csv"
    if not path.exists():
        return []
    with open(path, encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_every_model_has_access_rights(addon):
    rows = access_rows(addon)
    granted = {row["model_id:id"].split(".")[-1] for row in rows}
    for model in declared_models(addon):
        assert (
            "model_" + model.replace(".", "_") in granted
        ), f"{addon.name}: model {model} has no row in security/ir.model.access.csv"


def test_access_ids_unique(addon):
    ids = [row["id"] for row in access_rows(addon)]
    assert len(ids) == len(set(ids))
