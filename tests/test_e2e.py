"""End-to-end: a served database with every addon and demo, over the external API.

`make test` serves its test database and sets DEALER_E2E_URL and DEALER_E2E_DB.
"""

import os
import urllib.request
import xml.etree.ElementTree as ET
import xmlrpc.client

import pytest
from conftest import ADDONS_DIR

URL = os.environ.get("DEALER_E2E_URL")
DB = os.environ.get("DEALER_E2E_DB")
pytestmark = pytest.mark.skipif(not URL, reason="no served database (run make test)")


def demo_users():
    users = []
    for path in sorted(ADDONS_DIR.glob("*/demo/*.xml")):
        for record in ET.parse(path).getroot().iter("record"):
            if record.get("model") == "res.users":
                fields = {f.get("name"): f.text for f in record.iter("field")}
                if fields.get("login"):  # not an update of an existing user
                    users.append((fields["login"], fields["password"]))
    return users


def rpc(service):
    return xmlrpc.client.ServerProxy(f"{URL}/xmlrpc/2/{service}", allow_none=True)


def test_login_page_is_served():
    with urllib.request.urlopen(f"{URL}/web/login", timeout=30) as response:
        assert response.status == 200


@pytest.mark.parametrize(("login", "password"), demo_users())
def test_demo_user_logs_in(login, password):
    """ORG-01: every department role of the demo logs in with the README's password."""
    uid = rpc("common").authenticate(DB, login, password, {})
    assert uid, f"{login} could not log in"
    user = rpc("object").execute_kw(
        DB, uid, password, "res.users", "read", [[uid]], {"fields": ["lang"]}
    )[0]
    assert user["lang"] == "zh_CN"


def test_staff_reads_rules_in_chinese_but_cannot_change_them():
    """AUD-05: staff read the manual's rules (in Chinese) and cannot rewrite them."""
    uid = rpc("common").authenticate(DB, "sales", "dealer-demo", {})
    models = rpc("object")
    rules = models.execute_kw(
        DB,
        uid,
        "dealer-demo",
        "dealer.manual.rule",
        "search_read",
        [[("code", "=", "STK-07")]],
        {"fields": ["title", "state"], "context": {"lang": "zh_CN"}},
    )
    assert len(rules) == 1 and any(
        "\u4e00" <= ch <= "\u9fff" for ch in rules[0]["title"]
    )
    with pytest.raises(xmlrpc.client.Fault) as refused:
        models.execute_kw(
            DB,
            uid,
            "dealer-demo",
            "dealer.manual.rule",
            "write",
            [[rules[0]["id"]], {"title": "changed over RPC"}],
        )
    assert "dealer.manual.rule" in refused.value.faultString
    admin = rpc("common").authenticate(DB, "admin", "admin", {})
    title = models.execute_kw(
        DB,
        admin,
        "admin",
        "dealer.manual.rule",
        "read",
        [[rules[0]["id"]]],
        {"fields": ["title"]},
    )[0]["title"]
    assert title != "changed over RPC"
