"""The rule registry of dealer_base is the manual of RULES.md, rule by rule."""

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from conftest import ADDONS_DIR, shared_file

DATA_DIR = ADDONS_DIR / "dealer_base" / "data" / "manual_rules"
DATA = sorted(DATA_DIR.glob("rules_*.xml"))


def rules_md():
    rules = []
    for line in shared_file("manual/RULES.md").read_text(encoding="utf-8").splitlines():
        match = re.match(r"^\| ([A-Z]{3}-\d{2}) \|(.*)\|\s*$", line)
        if match:
            text, source, phrase = (cell.strip() for cell in match[2].split(" | "))
            rules.append(
                {
                    "code": match[1],
                    "text": text,
                    "seed_ref": source,
                    "key_phrase": phrase,
                }
            )
    return rules


def rules_data():
    rules = []
    records = [rec for path in DATA for rec in ET.parse(path).getroot().iter("record")]
    for record in records:
        fields = {
            field.get("name"): field.get("ref") or field.get("eval") or field.text
            for field in record.iter("field")
        }
        fields["xmlid"] = record.get("id")
        rules.append(fields)
    return rules


def test_every_area_of_the_manual_is_loaded_in_order():
    """AUD-05: one area per section of RULES.md, in the manual's order."""
    text = shared_file("manual/RULES.md").read_text(encoding="utf-8")
    sections = re.findall(r"^### ([A-Z]{3}) ", text, flags=re.M)
    path = ADDONS_DIR / "dealer_base" / "data" / "dealer_manual_area_data.xml"
    codes = [
        record.find("field[@name='code']").text
        for record in ET.parse(path).getroot().iter("record")
    ]
    assert codes == sections


def test_every_rule_of_the_manual_is_loaded_in_order():
    """AUD-05: one record per rule of RULES.md, in the manual's order."""
    assert [r["code"] for r in rules_data()] == [r["code"] for r in rules_md()]


def test_rule_records_match_the_manual():
    """AUD-05: text, source and original wording are RULES.md's, word for word."""
    manual = {r["code"]: r for r in rules_md()}
    for record in rules_data():
        expected = manual[record["code"]]
        for field in ("text", "seed_ref", "key_phrase"):
            assert record[field] == expected[field], f"{record['code']} {field}"
        assert record["area_id"] == "area_" + record["code"][:3].lower()
        assert record["xmlid"] == "rule_" + record["code"].lower().replace("-", "_")
        assert record["title"] and len(record["title"]) <= 60


# ---------------------------------------------------------------------------
# AUD-05: every rule ID the code or the tests cite is carried by a mechanism of
# an addon, or marked human conduct on purpose.

CITATION_RE = re.compile(r"\b([A-Z]{3})-(\d{2})\b")
TEST_NAME_RE = re.compile(r"def (test_\w+)")
TEST_TOKEN_RE = re.compile(r"(?:^|_)([a-z]{3})_?(\d{2})(?=_|$)")
CITING_SUFFIXES = (".py", ".xml", ".js", ".csv")
# Citations in files this branch may not edit, with what they should read.
KNOWN_MISCITATIONS = set()


def mechanism_rules(root=ADDONS_DIR):
    """Codes of the rules that at least one addon's data gives a mechanism."""
    codes = set()
    for path in root.glob("*/data/*.xml"):
        for record in ET.parse(path).getroot().iter("record"):
            if record.get("model") != "dealer.manual.rule.mechanism":
                continue
            for field in record.iter("field"):
                if field.get("name") == "rule_id":
                    xmlid = field.get("ref").split(".")[-1]
                    codes.add(xmlid.removeprefix("rule_").upper().replace("_", "-"))
    return codes


def human_conduct_rules():
    return {
        r["code"]
        for r in rules_data()
        if r.get("is_manual_only") == "True" and r.get("manual_only_reason")
    }


def citations(text, known_codes, is_test=False):
    """Rule codes cited by ``text``: written as STK-11, or in a test's name as
    stk_11 / stk11."""
    found = {f"{a}-{n}" for a, n in CITATION_RE.findall(text)}
    if is_test:
        for name in TEST_NAME_RE.findall(text):
            for area, number in TEST_TOKEN_RE.findall(name):
                found.add(f"{area.upper()}-{number}")
    return found & known_codes


def uncarried_citations(files, known_codes, carried):
    """{(file, code)} of the citations of a rule without a mechanism."""
    problems = set()
    for path, text in files:
        is_test = "/tests/" in f"/{path}"
        for code in citations(text, known_codes, is_test):
            if code not in carried:
                problems.add((path, code))
    return problems


def citing_files():
    root = ADDONS_DIR.parent
    for path in sorted([*ADDONS_DIR.rglob("*"), *(root / "tests").glob("*.py")]):
        if (
            path.suffix not in CITING_SUFFIXES
            or "i18n" in path.parts
            or path in (*DATA, Path(__file__).resolve())
            or not path.is_file()
        ):
            continue
        yield str(path.relative_to(root)), path.read_text(encoding="utf-8")


def test_aud_05_cited_rules_have_a_mechanism():
    """AUD-05: a rule that code or tests cite is carried by a mechanism record
    (or is human conduct on purpose); the checker itself finds an uncarried
    citation (positive control)."""
    known = {r["code"] for r in rules_data()}
    carried = mechanism_rules() | human_conduct_rules()
    problems = uncarried_citations(citing_files(), known, carried)
    assert problems - KNOWN_MISCITATIONS == set()
    # Positive control: the same checker on a fake citation of a planned rule,
    # in code and in a test's name, reports both.
    planned = sorted(known - carried)
    assert planned, "some rules are still planned"
    fake = [
        ("addons/x/models/x.py", f"# enforces {planned[0]}"),
        (
            "addons/x/tests/test_x.py",
            f"def test_{planned[1].lower().replace('-', '_')}_x(self):",
        ),
    ]
    assert uncarried_citations(fake, known, carried) == {
        ("addons/x/models/x.py", planned[0]),
        ("addons/x/tests/test_x.py", planned[1]),
    }


def test_aud_05_human_conduct_rules_give_a_reason():
    """AUD-05: a rule marked human conduct says why, and is neither carried by
    a mechanism nor planned software work (KPIs, budgets, risk, inspections)."""
    rules = {r["code"]: r for r in rules_data()}
    human = human_conduct_rules()
    assert human
    for code, rule in rules.items():
        if rule.get("is_manual_only") == "True":
            assert (rule.get("manual_only_reason") or "").strip(), code
    assert not human & mechanism_rules()
    assert not {code[:3] for code in human} & {"HRM", "FIN", "RSK", "AUD"}


PLANNED = ADDONS_DIR.parent / "PLANNED_RULES.md"


def planned_list():
    """{code: issue} of PLANNED_RULES.md's table."""
    rows = {}
    for line in PLANNED.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^\| ([A-Z]{3}-\d{2}) \|.*\| (\d+|proposed) \|$", line)
        if match:
            rows[match[1]] = match[2]
    return rows


def test_aud_05_every_planned_rule_is_on_an_issue():
    """AUD-05 (issue 22): each rule that is neither carried nor human conduct
    is listed in PLANNED_RULES.md with the issue that will carry it, and a rule
    that became carried leaves the list."""
    known = {r["code"] for r in rules_data()}
    carried = mechanism_rules() | human_conduct_rules()
    listed = planned_list()
    assert listed, "the list is read"
    assert sorted(known - carried - set(listed)) == []
    assert sorted(set(listed) & carried) == []
    assert sorted(set(listed) - known) == []
