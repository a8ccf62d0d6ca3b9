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
    """A stocktake of a new bin holding three keyboards, started by the
    Warehouse Manager with the clerk and the manager as counters, and its line.
    (The administrator allows Physical Inventory for a moment to stock the bin:
    STK-13 refuses it otherwise.)"""
    uids = call.uids
    warehouse = call(
        "admin",
        "stock.warehouse",
        "search_read",
        [],
        fields=["lot_stock_id", "company_id"],
        limit=1,
    )[0]
    company = warehouse["company_id"][0]
    bin_id = call(
        "admin",
        "stock.location",
        "create",
        {"name": "E2E routes bin", "location_id": warehouse["lot_stock_id"][0]},
    )
    product = call(
        "admin", "product.product", "search", [("default_code", "=", "KBD-K380")]
    )[0]
    allow = "dealer_stocktake_allow_inventory_adjustment"
    call("admin", "res.company", "write", [company], {allow: True})
    call(
        "admin",
        "stock.quant",
        "create",
        {
            "product_id": product,
            "location_id": bin_id,
            "inventory_quantity_auto_apply": 3,
        },
        context={"inventory_mode": True},
    )
    call("admin", "res.company", "write", [company], {allow: False})
    stocktake = call(
        "stock_mgr",
        "dealer.stocktake",
        "create",
        {
            "warehouse_id": warehouse["id"],
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
        fields=["count_state", "quant_id", "sheet_id", "draft_qty_set"],
    )[0]
    return stocktake, line


def test_stk_14_counter_cannot_rewrite_a_line_over_rpc():
    """STK-13, STK-14: over XML-RPC the clerk cannot mark a line counted or
    point it at another quant, with or without the old context key, nor
    count NaN; the Warehouse Manager cannot write a stocktake's state."""
    call = caller("stock", "stock_mgr", "admin")
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
        [stocktake],
        {"state": "applied"},
    )
    after = call(
        "stock_mgr",
        "dealer.stocktake.line",
        "read",
        [line["id"]],
        fields=["count_state", "quant_id", "draft_qty_set"],
    )[0]
    assert after["count_state"] == line["count_state"] == "to_count"
    assert after["quant_id"] == line["quant_id"]
    assert after["draft_qty_set"] == line["draft_qty_set"]
    # Positive control: the manager cancels it (kept, with its lines).
    call("stock_mgr", "dealer.stocktake", "action_cancel", [stocktake])


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


def test_stk_13_scan_counted_once_and_not_forged_over_rpc():
    """STK-13, issue 20: a scan re-sent over XML-RPC with the same scan ID
    is counted once; a clerk cannot write a scan record directly nor apply
    a stocktake (background or not)."""
    call = caller("stock", "stock_mgr", "admin")
    stocktake, line = open_count_line(call)
    sheet = line["sheet_id"][0]
    counter = call(
        "stock_mgr", "dealer.stocktake.sheet", "read", [sheet], fields=["counter_id"]
    )[0]["counter_id"][0]
    login = "stock" if counter == call.uids["stock"] else "stock_mgr"
    answers = [
        call(
            login,
            "dealer.stocktake.sheet",
            "dealer_scan",
            [sheet],
            "KBD-K380",
            "e2e-scan-once",
            quantity=2,
        )
        for _attempt in range(2)
    ]
    assert answers[0]["result"] == "counted" and answers[1]["resent"]
    counted = call(
        "stock_mgr", "dealer.stocktake.line", "read", [line["id"]], fields=["draft_qty"]
    )[0]["draft_qty"]
    assert counted == 2
    refused(
        "STK-13",
        call,
        "stock",
        "dealer.stocktake.scan",
        "create",
        {
            "uuid": "e2e-forged",
            "sheet_id": sheet,
            "barcode": "KBD-K380",
            "result": "counted",
            "counter_id": call.uids["stock"],
        },
    )
    refused("STK-13", call, "stock", "dealer.stocktake", "action_apply", [stocktake])


def test_stk_13_counter_reads_no_book_quantity_over_rpc():
    """STK-13, issue 20 (blind count): the clerk counting a stocktake reads no
    book quantity of its lines, by read, search_read, read_group or a search
    on it; the Warehouse Manager does."""
    call = caller("stock", "stock_mgr", "admin")
    stocktake, line = open_count_line(call)
    for method, args, kwargs in (
        ("read", [[line["id"]], ["book_qty"]], {}),
        ("search_read", [[("stocktake_id", "=", stocktake)]], {"fields": ["book_qty"]}),
        (
            "read_group",
            [[("stocktake_id", "=", stocktake)], ["book_qty:sum"], ["stocktake_id"]],
            {},
        ),
        ("search_count", [[("book_qty", ">", 0)]], {}),
    ):
        refused(
            "book_qty", call, "stock", "dealer.stocktake.line", method, *args, **kwargs
        )
    [shown] = call(
        "stock",
        "dealer.stocktake.line",
        "read",
        [line["id"]],
        fields=["book_qty_shown"],
    )
    assert shown["book_qty_shown"] == 0
    # Positive control: the Warehouse Manager reads the three keyboards.
    [book] = call(
        "stock_mgr", "dealer.stocktake.line", "read", [line["id"]], fields=["book_qty"]
    )
    assert book["book_qty"] == 3
    call("stock_mgr", "dealer.stocktake", "action_cancel", [stocktake])
