"""End-to-end: a served database with every addon and demo, over the external API.

`make test` serves its test database and sets DEALER_E2E_URL and DEALER_E2E_DB.
"""

import json
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


# login -> uid, once per run: authenticate hashes the password (most of a
# second), and every scenario logs in its users again.
_UIDS = {}


def caller(*logins):
    """execute_kw as each of ``logins``: demo users (README password) or admin."""
    models = rpc("object")
    passwords = {
        login: "admin" if login == "admin" else "dealer-demo" for login in logins
    }
    for login, password in passwords.items():
        if not _UIDS.get(login):
            _UIDS[login] = rpc("common").authenticate(DB, login, password, {})
    uids = {login: _UIDS[login] for login in logins}

    def call(login, model, method, *args, **kwargs):
        return models.execute_kw(
            DB, uids[login], passwords[login], model, method, list(args), kwargs
        )

    call.uids = uids
    return call


def json_call(login, uid, model, method, *args, **kwargs):
    """execute_kw over JSON-RPC, for methods that return None."""
    password = "admin" if login == "admin" else "dealer-demo"
    payload = {
        "jsonrpc": "2.0",
        "method": "call",
        "params": {
            "service": "object",
            "method": "execute_kw",
            "args": [DB, uid, password, model, method, list(args), kwargs],
        },
    }
    request = urllib.request.Request(
        f"{URL}/jsonrpc",
        data=json.dumps(payload).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        answer = json.load(response)
    assert "error" not in answer, answer.get("error")
    return answer.get("result")


def refused(rule, call, login, model, method, *args, **kwargs):
    """The call is refused with a message naming ``rule``."""
    with pytest.raises(xmlrpc.client.Fault) as refusal:
        call(login, model, method, *args, **kwargs)
    assert rule in refusal.value.faultString, refusal.value.faultString
    return refusal.value.faultString


def sign(call, login, model, record, comment="同意"):
    """Validate ``login``'s tier of ``record`` through the comment wizard
    (add_comment returns None, which XML-RPC cannot carry: JSON-RPC)."""
    action = call(login, model, "validate_tier", [record])
    context = action["context"]
    wizard = call(
        login, "comment.wizard", "create", {"comment": comment}, context=context
    )
    json_call(
        login,
        call.uids[login],
        "comment.wizard",
        "add_comment",
        [wizard],
        context=context,
    )


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


def test_stocktake_blind_count_recount_and_apply_over_rpc():
    """STK-13, STK-14: over the external API a counter cannot read book
    quantities; a short count is recounted by the other counter, explained and
    applied, and the stock follows."""
    call = caller("stock", "stock_mgr", "admin")
    uids = call.uids

    warehouse = call(
        "admin",
        "stock.warehouse",
        "search_read",
        [],
        fields=["lot_stock_id", "company_id"],
    )
    stock_id = warehouse[0]["lot_stock_id"][0]
    company_id = warehouse[0]["company_id"][0]
    bin_id = call(
        "admin",
        "stock.location",
        "create",
        {"name": "E2E bin", "location_id": stock_id},
    )
    product = call(
        "admin",
        "product.product",
        "search_read",
        [("default_code", "=", "KBD-K380")],
        fields=["id"],
    )[0]["id"]
    # Stock is adjusted only through stocktakes (STK-13): the administrator
    # allows Physical Inventory for a moment to stock the new bin.
    allow = "dealer_stocktake_allow_inventory_adjustment"
    call("admin", "res.company", "write", [company_id], {allow: True})
    quant = call(
        "admin",
        "stock.quant",
        "create",
        {
            "product_id": product,
            "location_id": bin_id,
            "inventory_quantity_auto_apply": 5,
        },
        context={"inventory_mode": True},
    )
    call("admin", "res.company", "write", [company_id], {allow: False})

    stocktake = call(
        "stock_mgr",
        "dealer.stocktake",
        "create",
        {
            "warehouse_id": warehouse[0]["id"],
            "location_ids": [(6, 0, [bin_id])],
            "counter_ids": [(6, 0, [uids["stock"], uids["stock_mgr"]])],
        },
    )
    call("stock_mgr", "dealer.stocktake", "action_start", [stocktake])
    line = call(
        "stock_mgr",
        "dealer.stocktake.line",
        "search_read",
        [("stocktake_id", "=", stocktake)],
        fields=["book_qty", "sheet_id"],
    )[0]
    assert line["book_qty"] == 5
    sheet = call(
        "stock_mgr",
        "dealer.stocktake.sheet",
        "read",
        [line["sheet_id"][0]],
        fields=["counter_id"],
    )[0]
    counter = "stock" if sheet["counter_id"][0] == uids["stock"] else "stock_mgr"
    other = "stock_mgr" if counter == "stock" else "stock"
    with pytest.raises(xmlrpc.client.Fault):
        call(
            "stock", "dealer.stocktake.line", "read", [line["id"]], fields=["book_qty"]
        )

    call(counter, "dealer.stocktake.line", "write", [line["id"]], {"draft_qty": 4})
    call(counter, "dealer.stocktake.sheet", "action_submit", [sheet["id"]])
    recount = call(
        "stock_mgr",
        "dealer.stocktake.line",
        "read",
        [line["id"]],
        fields=["count_state", "recount_sheet_id"],
    )[0]
    assert recount["count_state"] == "recount"
    call(other, "dealer.stocktake.line", "write", [line["id"]], {"draft_qty": 4})
    call(
        other,
        "dealer.stocktake.sheet",
        "action_submit",
        [recount["recount_sheet_id"][0]],
    )

    call("stock_mgr", "dealer.stocktake", "action_finish_counting", [stocktake])
    reason = call(
        "stock_mgr",
        "dealer.stocktake.reason",
        "search",
        [("code", "=", "natural_loss")],
    )[0]
    call(
        "stock_mgr",
        "dealer.stocktake.line",
        "write",
        [line["id"]],
        {"reason_id": reason},
    )
    call("stock_mgr", "dealer.stocktake", "action_apply", [stocktake])
    quantity = call("admin", "stock.quant", "read", [quant], fields=["quantity"])[0]
    assert quantity["quantity"] == 4


def test_warranty_exchange_over_rpc():
    """ASV-19, ASV-20, ASV-21: over the external API After-sales checks a serial,
    accepts the demo's exchange request, the warehouse receives the unit into
    pending inspection, After-sales confirms the quality problem, and the
    replacement's delivery carries the warranty over; Sales cannot void it."""
    call = caller("service", "stock", "sales")

    claim = call(
        "service",
        "dealer.warranty.claim",
        "search_read",
        [("state", "=", "draft"), ("claim_type", "=", "exchange")],
        fields=["lot_id", "warranty_id"],
        limit=1,
    )[0]
    serial = claim["lot_id"][1]
    check = call(
        "service",
        "dealer.warranty",
        "check_eligibility",
        lot=serial,
        claim_type="exchange",
    )
    assert check["eligible"], check["message"]
    assert check["warranty_id"] == claim["warranty_id"][0]
    unknown = call("service", "dealer.warranty", "check_eligibility", lot="NO-SN-42")
    assert unknown["reasons"] == ["unknown"]
    assert "NO-SN-42" in unknown["message"]

    call("service", "dealer.warranty.claim", "action_confirm", [claim["id"]])
    returned = call(
        "service",
        "dealer.warranty.claim",
        "read",
        [claim["id"]],
        fields=["state", "return_picking_id"],
    )[0]
    assert returned["state"] == "to_receive"
    call(
        "stock", "stock.picking", "button_validate", [returned["return_picking_id"][0]]
    )
    call(
        "service",
        "dealer.warranty.claim",
        "write",
        [claim["id"]],
        {"inspection_note": "Dead pixels confirmed under the test pattern"},
    )
    call("service", "dealer.warranty.claim", "action_quality_confirmed", [claim["id"]])
    claim = call(
        "service",
        "dealer.warranty.claim",
        "read",
        [claim["id"]],
        fields=["state", "picking_ids", "replacement_picking_id", "warranty_id"],
    )[0]
    assert claim["state"] == "processing"
    open_pickings = call(
        "stock",
        "stock.picking",
        "search",
        [("id", "in", claim["picking_ids"]), ("state", "not in", ("done", "cancel"))],
    )
    assert len(open_pickings) == 2  # to the non-conforming area, and the replacement
    for picking in open_pickings:
        call("stock", "stock.picking", "button_validate", [picking])
    claim = call(
        "service",
        "dealer.warranty.claim",
        "read",
        [claim["id"]],
        fields=["state", "new_warranty_id", "warranty_id"],
    )[0]
    assert claim["state"] == "done"
    old, new = call(
        "service",
        "dealer.warranty",
        "read",
        [claim["warranty_id"][0], claim["new_warranty_id"][0]],
        fields=["state", "lot_id", "replaces_id"],
    )
    assert old["state"] == "void"
    assert new["state"] == "active"
    assert new["replaces_id"][0] == old["id"]
    assert new["lot_id"][1] != serial

    with pytest.raises(xmlrpc.client.Fault):
        call("sales", "dealer.warranty", "write", [new["id"]], {"void_reason": "x"})


def test_purchase_refused_for_an_unqualified_supplier_over_rpc():
    """PUR-09: over the external API a buyer's order to the demo's network
    supplier, who lacks its quality certificate, is refused with the document
    named; an order to a qualified supplier passes that check, goes through the
    legal review every purchase contract gets by default (PUR-15) and is
    confirmed."""
    call = caller("purchase", "legal")
    product = call(
        "purchase",
        "product.product",
        "search",
        [("default_code", "=", "KBD-K380")],
    )[0]

    def order(supplier_vat):
        partner = call(
            "purchase", "res.partner", "search", [("vat", "=", supplier_vat)]
        )[0]
        return call(
            "purchase",
            "purchase.order",
            "create",
            {
                "partner_id": partner,
                "dealer_quality_standard": "按厂家出厂标准，附合格证",
                "dealer_after_sales_terms": "一年保修，故障 48 小时内更换",
                "order_line": [
                    (0, 0, {"product_id": product, "product_qty": 2, "price_unit": 140})
                ],
            },
        )

    refused = order("91440300MA5FA1C92F")  # the network supplier
    with pytest.raises(xmlrpc.client.Fault, match="Quality system certificate"):
        call("purchase", "purchase.order", "button_confirm", [refused])
    accepted = order("91441900MA51Q2W84A")  # the peripherals supplier
    # request_validation returns records, which XML-RPC cannot carry.
    json_call(
        "purchase",
        call.uids["purchase"],
        "purchase.order",
        "request_validation",
        [accepted],
    )
    action = call("legal", "purchase.order", "validate_tier", [accepted])
    wizard = call(
        "legal",
        "comment.wizard",
        "create",
        {"comment": "条款齐全"},
        context=action["context"],
    )
    json_call(
        "legal",
        call.uids["legal"],
        "comment.wizard",
        "add_comment",
        [wizard],
        context=action["context"],
    )
    call("purchase", "purchase.order", "button_confirm", [accepted])
    state = call("purchase", "purchase.order", "read", [accepted], fields=["state"])
    assert state[0]["state"] == "purchase"


ACCESS_ERROR = 4  # Odoo's fault code for an AccessError over XML-RPC


def assert_refused(func, *args, **kwargs):
    with pytest.raises(xmlrpc.client.Fault) as refusal:
        func(*args, **kwargs)
    assert refusal.value.faultCode == ACCESS_ERROR, refusal.value.faultString


def test_customer_file_request_grant_and_log_over_rpc():
    """CUS-18 to CUS-22 over the external API: the warehouse cannot read a data
    card by any call; the technician's demo request is signed by the Technical
    head and approved by the custodian; the technician then reads the card, the
    read is in the access log as an external API read, and after returning the
    file the card is refused again."""
    call = caller("stock", "tech", "tech_mgr", "custodian")
    card_model = "dealer.customer.file.card"
    files = call(
        "custodian", "dealer.customer.file", "search_read", [], fields=["name"]
    )
    assert files, "the register is public"
    nanshan = call(
        "custodian",
        "dealer.customer.file.request",
        "search_read",
        [("requester_id", "=", call.uids["tech"]), ("state", "=", "submitted")],
        fields=["file_id"],
    )[0]
    file_id = nanshan["file_id"][0]
    card_id = call("custodian", card_model, "search", [("file_id", "=", file_id)])[0]
    for login in ("stock", "tech"):
        assert call(login, card_model, "search_read", [], fields=["credit_terms"]) == []
        assert_refused(call, login, card_model, "read", [card_id], ["credit_terms"])
        assert not call(
            login,
            "dealer.customer.file",
            "search",
            [("card_ids.credit_terms", "ilike", "返点")],
        )

    def sign(login, request_id, comment):
        action = call(
            login, "dealer.customer.file.request", "validate_tier", [request_id]
        )
        wizard = call(
            login,
            "comment.wizard",
            "create",
            {"comment": comment},
            context=action["context"],
        )
        # add_comment returns None, which XML-RPC cannot carry: JSON-RPC can.
        json_call(
            login,
            call.uids[login],
            "comment.wizard",
            "add_comment",
            [wizard],
            context=action["context"],
        )

    request_id = nanshan["id"]
    sign("tech_mgr", request_id, "同意查阅")
    sign("custodian", request_id, "理由充分，手续齐全")
    state = call(
        "tech", "dealer.customer.file.request", "read", [request_id], fields=["state"]
    )
    assert state[0]["state"] == "approved"
    card = call("tech", card_model, "read", [card_id], fields=["credit_terms"])
    assert "返点" in card[0]["credit_terms"]
    logs = call(
        "custodian",
        "dealer.customer.file.access",
        "search_read",
        [("user_id", "=", call.uids["tech"]), ("file_id", "=", file_id)],
        fields=["channel", "basis"],
    )
    assert {"channel": "rpc", "basis": "grant"} in [
        {"channel": log["channel"], "basis": log["basis"]} for log in logs
    ]
    assert_refused(
        call, "custodian", "dealer.customer.file.access", "unlink", [logs[0]["id"]]
    )
    call("tech", "dealer.customer.file.request", "action_return", [request_id])
    assert_refused(call, "tech", card_model, "read", [card_id], ["credit_terms"])
