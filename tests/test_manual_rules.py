"""The rule registry of dealer_base is the manual of RULES.md, rule by rule."""

import re
import xml.etree.ElementTree as ET

from conftest import ADDONS_DIR, shared_file

DATA = ADDONS_DIR / "dealer_base" / "data" / "dealer_manual_rule_data.xml"


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
    for record in ET.parse(DATA).getroot().iter("record"):
        fields = {
            field.get("name"): field.get("ref") or field.text
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
