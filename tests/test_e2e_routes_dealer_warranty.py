"""End-to-end, issue 15: the warranty rules hold over the external API.

Demo users of README.md (password ``dealer-demo``) try, over XML-RPC, what the
form would not let them do: date a request back into its window, rewrite a
sold warranty (with or without the former context key), make a repair free,
link a supplier receipt to a request, delete kept records. Records are found by
search, not by id. The only record left behind is a request, cancelled.
"""

import xmlrpc.client
from datetime import date, timedelta

import pytest
from test_e2e import URL, assert_refused, caller

pytestmark = pytest.mark.skipif(not URL, reason="no served database (run make test)")

USER_ERROR = 2  # Odoo's fault code for a UserError/ValidationError over XML-RPC


def assert_rule(rule, func, *args, **kwargs):
    """Refused with a UserError naming ``rule``, not an access or server error."""
    with pytest.raises(xmlrpc.client.Fault) as refusal:
        func(*args, **kwargs)
    assert refusal.value.faultCode == USER_ERROR, refusal.value.faultString
    assert rule in refusal.value.faultString, refusal.value.faultString


def _active_serial_warranty(call):
    warranty = call(
        "service",
        "dealer.warranty",
        "search_read",
        [("state", "=", "active"), ("lot_id", "!=", False)],
        fields=["lot_id", "delivery_date", "end_date", "product_id", "partner_id"],
        limit=1,
    )
    assert warranty, "the demo delivers serials under warranty"
    return warranty[0]


def _day_before(day):
    """Another day than the one the system would give (the demo delivers on
    the day it is installed, so today is the delivery day)."""
    return (date.fromisoformat(day) - timedelta(days=1)).isoformat()


def test_asv19_request_date_cannot_be_backdated_over_rpc():
    """ASV-19: After-sales cannot give a request a date of its choosing over
    the API (create, context default, import); the request is dated the day it
    is recorded, is kept, and is cancelled with a reason instead of deleted."""
    call = caller("service")
    warranty = _active_serial_warranty(call)
    lot = warranty["lot_id"][0]
    back = _day_before(warranty["delivery_date"])
    assert_rule(
        "ASV-19",
        call,
        "service",
        "dealer.warranty.claim",
        "create",
        {
            "lot_id": lot,
            "claim_type": "return",
            "request_date": back,
        },
    )
    imported = call(
        "service",
        "dealer.warranty.claim",
        "load",
        ["lot_id/.id", "claim_type", "request_date"],
        [[str(lot), "return", back]],
    )
    assert not imported["ids"]
    assert "ASV-19" in imported["messages"][0]["message"]

    claim_id = call(
        "service",
        "dealer.warranty.claim",
        "create",
        {"lot_id": lot, "claim_type": "repair", "description": "e2e: routes"},
        context={"default_request_date": back},
    )
    claim = call(
        "service",
        "dealer.warranty.claim",
        "read",
        [claim_id],
        fields=["request_date", "state"],
    )[0]
    assert claim["request_date"] != back
    assert claim["state"] == "draft"
    assert_rule(
        "ASV-19",
        call,
        "service",
        "dealer.warranty.claim",
        "write",
        [claim_id],
        {"request_date": back},
    )
    assert_rule(
        "ASV-20",
        call,
        "service",
        "dealer.warranty.claim",
        "write",
        [claim_id],
        {"state": "done"},
    )
    assert_rule(
        "ASV-19", call, "service", "dealer.warranty.claim", "unlink", [claim_id]
    )
    call(
        "service",
        "dealer.warranty.claim",
        "write",
        [claim_id],
        {"cancel_reason": "End-to-end test of the routes"},
    )
    call("service", "dealer.warranty.claim", "action_cancel", [claim_id])
    cancelled = call(
        "service",
        "dealer.warranty.claim",
        "read",
        [claim_id],
        fields=["state", "cancel_user_id"],
    )[0]
    assert cancelled["state"] == "cancel"
    assert cancelled["cancel_user_id"][0] == call.uids["service"]
    assert_rule(
        "ASV-19", call, "service", "dealer.warranty.claim", "unlink", [claim_id]
    )


def test_asv22_sold_warranty_cannot_be_rewritten_over_rpc():
    """ASV-22: the After-sales Manager, who may write warranties, cannot extend
    one over the API, with the former ``dealer_warranty_install`` key or the
    guard's key sent as a string either; nobody deletes one."""
    call = caller("service", "service_mgr")
    warranty = _active_serial_warranty(call)
    for context in (
        {},
        {"dealer_warranty_install": True},
        {"dealer_governed": "server"},
    ):
        assert_rule(
            "ASV-22",
            call,
            "service_mgr",
            "dealer.warranty",
            "write",
            [warranty["id"]],
            {"end_date": "2099-12-31"},
            context=context,
        )
    assert_rule(
        "ASV-22",
        call,
        "service_mgr",
        "dealer.warranty",
        "write",
        [warranty["id"]],
        {"state": "void"},
    )
    assert_refused(call, "service_mgr", "dealer.warranty", "unlink", [warranty["id"]])
    after = call(
        "service", "dealer.warranty", "read", [warranty["id"]], fields=["end_date"]
    )[0]
    assert after["end_date"] == warranty["end_date"]


def test_asv23_repair_cannot_be_made_free_over_rpc():
    """ASV-23: a repair's free/charged decision and its claim date are not the
    caller's to give; the repair created without them is judged on today."""
    call = caller("service")
    warranty = _active_serial_warranty(call)
    back = _day_before(warranty["delivery_date"])
    values = {
        "product_id": warranty["product_id"][0],
        "lot_id": warranty["lot_id"][0],
        "partner_id": warranty["partner_id"][0],
    }
    assert_rule(
        "ASV-23",
        call,
        "service",
        "repair.order",
        "create",
        dict(values, under_warranty=False),
    )
    assert_rule(
        "ASV-23",
        call,
        "service",
        "repair.order",
        "create",
        dict(values, dealer_claim_date=back),
    )


def test_asv20_supplier_receipt_cannot_be_linked_to_a_request_over_rpc():
    """ASV-20: a warehouse user cannot exempt a supplier receipt from its
    acceptance by linking it to a return request."""
    call = caller("stock", "service")
    claim = call("service", "dealer.warranty.claim", "search", [], limit=1)
    receipt = call(
        "stock",
        "stock.picking",
        "search",
        [
            ("picking_type_code", "=", "incoming"),
            ("dealer_warranty_claim_id", "=", False),
        ],
        limit=1,
    )
    assert claim and receipt, "the demo has requests and receipts"
    assert_rule(
        "ASV-20",
        call,
        "stock",
        "stock.picking",
        "write",
        receipt,
        {"dealer_warranty_claim_id": claim[0]},
    )
