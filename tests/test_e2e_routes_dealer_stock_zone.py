"""End-to-end, over the external API: the rules of dealer_stock_zone hold for the
demo's warehouse staff whatever they send (issue 15). Runs against the served
demo database (`make test`), with the demo logins of README.md."""

import xmlrpc.client

import pytest
from test_e2e import URL, caller

pytestmark = pytest.mark.skipif(not URL, reason="no served database (run make test)")


def refused(match, func, *args, **kwargs):
    with pytest.raises(xmlrpc.client.Fault, match=match) as refusal:
        func(*args, **kwargs)
    return refusal.value


def zoned_warehouse(call, login):
    return call(
        login,
        "stock.warehouse",
        "search_read",
        [("dealer_zones_enabled", "=", True)],
        fields=["lot_stock_id", "in_type_id", "dealer_pending_location_id"],
        limit=1,
    )[0]


def waiting_acceptance(call, login):
    """The demo's receipt of SSDs, waiting in pending inspection."""
    return call(
        login,
        "dealer.receipt.inspection",
        "search_read",
        [("state", "=", "draft"), ("line_ids.lot_id", "!=", False)],
        fields=["picking_id", "line_ids", "technical_inspector_id"],
        limit=1,
    )[0]


def test_stk_09_supplier_goods_typed_into_stock_are_refused_over_rpc():
    """STK-09, PUR-08: a warehouse clerk who types WH/Stock as the destination of
    a receipt from a supplier cannot validate it; nothing reaches stock."""
    call = caller("stock")
    warehouse = zoned_warehouse(call, "stock")
    vendor = call("stock", "stock.location", "search", [("usage", "=", "supplier")])[0]
    product = call(
        "stock", "product.product", "search", [("default_code", "=", "KBD-K380")]
    )[0]
    stock_id = warehouse["lot_stock_id"][0]
    before = call(
        "stock",
        "product.product",
        "read",
        [product],
        fields=["qty_available"],
        context={"location": stock_id},
    )[0]["qty_available"]
    picking = call(
        "stock",
        "stock.picking",
        "create",
        {
            "picking_type_id": warehouse["in_type_id"][0],
            "location_id": vendor,
            "location_dest_id": stock_id,
            "move_ids": [
                (
                    0,
                    0,
                    {
                        "name": "E2E straight to stock",
                        "product_id": product,
                        "product_uom_qty": 1,
                        "location_id": vendor,
                        "location_dest_id": stock_id,
                    },
                )
            ],
        },
    )
    call("stock", "stock.picking", "action_confirm", [picking])
    moves = call("stock", "stock.move", "search", [("picking_id", "=", picking)])
    call("stock", "stock.move", "write", moves, {"quantity": 1, "picked": True})
    try:
        fault = refused(
            "STK-09",
            call,
            "stock",
            "stock.picking",
            "button_validate",
            [picking],
            context={"dealer_inspection_validation": True},
        )
        assert warehouse["dealer_pending_location_id"][1] in fault.faultString
        after = call(
            "stock",
            "product.product",
            "read",
            [product],
            fields=["qty_available"],
            context={"location": stock_id},
        )[0]["qty_available"]
        assert after == before
    finally:
        call("stock", "stock.picking", "action_cancel", [picking])


def test_stk_09_done_receipt_is_not_redirected_over_rpc():
    """STK-09: a Warehouse Manager cannot point the done receipt line of goods
    waiting for acceptance at the stock, nor change its quantity."""
    call = caller("stock_mgr")
    warehouse = zoned_warehouse(call, "stock_mgr")
    acceptance = waiting_acceptance(call, "stock_mgr")
    lines = call(
        "stock_mgr",
        "stock.move.line",
        "search",
        [("picking_id", "=", acceptance["picking_id"][0])],
    )
    assert lines
    refused(
        "STK-09",
        call,
        "stock_mgr",
        "stock.move.line",
        "write",
        lines,
        {"location_dest_id": warehouse["lot_stock_id"][0]},
    )
    # A done quantity is first revalued, which the demo's Warehouse Manager may
    # not do (journal entries); with that right, the zone rule refuses it.
    refused(
        r"STK-09|account\.move",
        call,
        "stock_mgr",
        "stock.move.line",
        "write",
        lines,
        {"quantity": 2},
    )
    quantities = call(
        "stock_mgr", "stock.move.line", "read", lines, fields=["quantity"]
    )
    assert {line["quantity"] for line in quantities} == {1}


def test_stk_10_pur_07_acceptance_not_forged_over_rpc():
    """STK-10, PUR-07: over the external API a warehouse clerk cannot validate
    an acceptance by writing its status (with or without the old context keys),
    sign for Technical, rewrite what the receipt brought, import over it or
    delete a validated one; the technician signs as himself and may withdraw."""
    call = caller("stock", "stock_mgr", "tech")
    acceptance = waiting_acceptance(call, "stock")
    ids = [acceptance["id"]]
    forged = {"dealer_inspection_action": True, "dealer_governed": "server"}
    refused(
        "STK-10",
        call,
        "stock",
        "dealer.receipt.inspection",
        "write",
        ids,
        {"state": "done"},
        context=forged,
    )
    refused(
        "PUR-07",
        call,
        "stock",
        "dealer.receipt.inspection",
        "write",
        ids,
        {"technical_inspector_id": call.uids["tech"]},
    )
    refused(
        "STK-10",
        call,
        "stock",
        "dealer.receipt.inspection.line",
        "write",
        acceptance["line_ids"][:1],
        {"qty_expected": 40},
    )
    result = call(
        "stock_mgr",
        "dealer.receipt.inspection.line",
        "load",
        [".id", "qty_expected"],
        [[str(acceptance["line_ids"][0]), "40"]],
    )
    assert not result["ids"]
    assert "STK-10" in result["messages"][0]["message"]
    validated = call(
        "stock_mgr", "dealer.receipt.inspection", "search", [("state", "=", "done")]
    )
    assert validated
    refused(
        "STK-10", call, "stock_mgr", "dealer.receipt.inspection", "unlink", validated
    )
    state = call("stock", "dealer.receipt.inspection", "read", ids, fields=["state"])
    assert state[0]["state"] == "draft"

    # Positive control: the technician signs with his own login, then withdraws.
    assert not acceptance["technical_inspector_id"]
    call("tech", "dealer.receipt.inspection", "action_sign_technical", ids)
    signed = call(
        "tech",
        "dealer.receipt.inspection",
        "read",
        ids,
        fields=["technical_inspector_id"],
    )[0]
    assert signed["technical_inspector_id"][0] == call.uids["tech"]
    call("tech", "dealer.receipt.inspection", "action_withdraw_signature", ids)
    withdrawn = call(
        "tech",
        "dealer.receipt.inspection",
        "read",
        ids,
        fields=["technical_inspector_id"],
    )[0]
    assert not withdrawn["technical_inspector_id"]
