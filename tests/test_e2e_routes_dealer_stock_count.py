"""End-to-end: the stocktake rules over the external API (issue 15), against the
served demo database, as the demo's Warehouse Manager and warehouse clerk."""

import xmlrpc.client

import pytest
from test_e2e import URL, caller

pytestmark = pytest.mark.skipif(not URL, reason="no served database (run make test)")


def refused(rule, func, *args, **kwargs):
    """The call is refused with a message naming ``rule``."""
    with pytest.raises(xmlrpc.client.Fault) as refusal:
        func(*args, **kwargs)
    assert rule in refusal.value.faultString, refusal.value.faultString


def open_count_line(call):
    """A line of the demo's open monthly stocktake, with its sheet's counter."""
    stocktake = call(
        "stock_mgr",
        "dealer.stocktake",
        "search_read",
        [("state", "=", "counting")],
        fields=["name"],
        limit=1,
    )
    assert stocktake, "the demo has an open monthly stocktake"
    line = call(
        "stock_mgr",
        "dealer.stocktake.line",
        "search_read",
        [("stocktake_id", "=", stocktake[0]["id"]), ("quant_id", "!=", False)],
        fields=["count_state", "quant_id", "sheet_id", "draft_qty_set"],
        limit=1,
    )[0]
    return stocktake[0], line


def test_stk_14_counter_cannot_rewrite_a_line_over_rpc():
    """STK-13, STK-14: over XML-RPC the clerk cannot mark a line counted or
    point it at another quant, with or without the old context key, nor
    count NaN; the Warehouse Manager cannot write a stocktake's state."""
    call = caller("stock", "stock_mgr")
    stocktake, line = open_count_line(call)
    other_quant = call(
        "stock_mgr",
        "stock.quant",
        "search",
        [("id", "!=", line["quant_id"][0]), ("location_id.usage", "=", "internal")],
        limit=1,
    )[0]
    for context in ({}, {"dealer_stocktake_register": True}):
        refused(
            "STK-14",
            call,
            "stock",
            "dealer.stocktake.line",
            "write",
            [line["id"]],
            {"count_state": "ok"},
            context=context,
        )
        refused(
            "STK-13",
            call,
            "stock",
            "dealer.stocktake.line",
            "write",
            [line["id"]],
            {"quant_id": other_quant},
            context=context,
        )
    refused(
        "Counted",
        call,
        "stock",
        "dealer.stocktake.line",
        "write",
        [line["id"]],
        {"draft_qty": float("nan")},
    )
    refused(
        "STK-13",
        call,
        "stock_mgr",
        "dealer.stocktake",
        "write",
        [stocktake["id"]],
        {"state": "applied"},
    )
    after = call(
        "stock_mgr",
        "dealer.stocktake.line",
        "read",
        [line["id"]],
        fields=["count_state", "quant_id", "draft_qty_set"],
    )[0]
    assert after["count_state"] == line["count_state"]
    assert after["quant_id"] == line["quant_id"]
    assert after["draft_qty_set"] == line["draft_qty_set"]


def test_stk_13_applied_stocktake_is_kept_and_frozen_over_rpc():
    """STK-13: the demo's applied quarterly stocktake cannot be deleted, nor
    its approval level written to none, by the Warehouse Manager."""
    call = caller("stock_mgr")
    applied = call(
        "stock_mgr",
        "dealer.stocktake",
        "search_read",
        [("state", "=", "applied")],
        fields=["approval_level"],
        limit=1,
    )[0]
    refused("STK-13", call, "stock_mgr", "dealer.stocktake", "unlink", [applied["id"]])
    refused(
        "STK-13",
        call,
        "stock_mgr",
        "dealer.stocktake",
        "write",
        [applied["id"]],
        {"approval_level": "admin" if applied["approval_level"] != "admin" else "none"},
    )


def test_stk_13_physical_inventory_refused_over_rpc():
    """STK-13: the Warehouse Manager, an Inventory manager, cannot adjust
    stock with core's Physical Inventory over XML-RPC: neither by creating a
    counted quant that applies itself nor by applying a count."""
    call = caller("stock_mgr")
    quant = call(
        "stock_mgr",
        "stock.quant",
        "search_read",
        [("location_id.usage", "=", "internal"), ("quantity", ">", 0)],
        fields=["product_id", "location_id", "quantity"],
        limit=1,
    )[0]
    refused(
        "STK-13",
        call,
        "stock_mgr",
        "stock.quant",
        "create",
        {
            "product_id": quant["product_id"][0],
            "location_id": quant["location_id"][0],
            "inventory_quantity_auto_apply": quant["quantity"] + 5,
        },
        context={"inventory_mode": True},
    )
    refused(
        "STK-13",
        call,
        "stock_mgr",
        "stock.quant",
        "write",
        [quant["id"]],
        {"inventory_quantity": quant["quantity"] + 5},
        context={"inventory_mode": True},
    )
    after = call(
        "stock_mgr", "stock.quant", "read", [quant["id"]], fields=["quantity"]
    )[0]
    assert after["quantity"] == quant["quantity"]
