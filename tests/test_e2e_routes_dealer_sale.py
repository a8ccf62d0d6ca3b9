"""End-to-end: dealer_sale's rules hold over the external API (issue 15).

Runs against the served demo database (see test_e2e.py) with the README's demo
logins: a salesperson tries to approve her own solution and to confirm or send it
by writing its state, to switch off its contract review, and a Sales Manager tries
to change a sales price or approve a price change by a write; the legitimate
technical review still goes through.
"""

import xmlrpc.client

import pytest
from test_e2e import URL, caller, json_call

pytestmark = pytest.mark.skipif(not URL, reason="no served database (run make test)")


def refused(call, login, model, method, *args, match, **kwargs):
    with pytest.raises(xmlrpc.client.Fault, match=match):
        call(login, model, method, *args, **kwargs)


def test_sale_rules_hold_over_rpc():
    """SAL-03, SAL-09, SAL-17, SAL-19 over XML-RPC as the demo's staff."""
    call = caller("sales", "sales_mgr", "tech_mgr")
    customer = call(
        "sales",
        "res.partner",
        "search",
        [("dealer_customer_class", "=", "important")],
        limit=1,
    )[0]
    product = call(
        "sales", "product.product", "search", [("default_code", "=", "KBD-K380")]
    )[0]
    order = call(
        "sales",
        "sale.order",
        "create",
        {
            "partner_id": customer,
            "dealer_is_solution": True,
            "order_line": [(0, 0, {"product_id": product, "product_uom_qty": 40})],
        },
    )
    call("sales", "sale.order", "action_dealer_request_technical_review", [order])

    # SAL-03: the salesperson cannot approve, send or un-flag her solution.
    for vals in (
        {"dealer_technical_state": "approved"},
        {"state": "sent"},
        {"state": "sale"},
        {"dealer_is_solution": False},
    ):
        refused(call, "sales", "sale.order", "write", [order], vals, match="SAL-03")
    refused(
        call,
        "sales",
        "sale.order",
        "write",
        [order],
        {"dealer_technical_state": "approved"},
        context={"dealer_governed": "server"},
        match="SAL-03",
    )
    # SAL-09: nor switch its contract review off, by a write or an import.
    refused(
        call,
        "sales",
        "sale.order",
        "write",
        [order],
        {"dealer_contract_review_required": False},
        match="SAL-09",
    )
    result = call(
        "sales",
        "sale.order",
        "load",
        [".id", "dealer_contract_review_required"],
        [[str(order), "0"]],
    )
    assert not result["ids"]
    assert "SAL-09" in " ".join(m["message"] for m in result["messages"])

    # Positive control: Technical reviews with its comments.
    call(
        "tech_mgr",
        "sale.order",
        "write",
        [order],
        {"dealer_technical_comment": "K380 键盘适合教室，建议加配键盘膜"},
    )
    call("tech_mgr", "sale.order", "action_dealer_technical_approve", [order])
    state = call(
        "sales",
        "sale.order",
        "read",
        [order],
        fields=["dealer_technical_state", "dealer_technical_reviewer_id"],
    )[0]
    assert state["dealer_technical_state"] == "approved"
    assert state["dealer_technical_reviewer_id"][0] == call.uids["tech_mgr"]
    # It returns None, which XML-RPC cannot carry: JSON-RPC can.
    json_call(
        "sales", call.uids["sales"], "sale.order", "action_quotation_sent", [order]
    )

    # SAL-09, SAL-19: the demo keeps the manual's default, every contract is
    # reviewed: a direct confirmation still needs its clauses and review.
    refused(
        call, "sales", "sale.order", "write", [order], {"state": "sale"}, match="SAL-19"
    )

    # SAL-17: a sales price changes through an approved price change only.
    template = call(
        "sales_mgr",
        "product.template",
        "search_read",
        [("default_code", "=", "KBD-K380")],
        fields=["list_price"],
    )[0]
    refused(
        call,
        "sales_mgr",
        "product.template",
        "write",
        [template["id"]],
        {"list_price": template["list_price"] + 50},
        context={"dealer_price_change_apply": True},
        match="SAL-17",
    )
    change = call(
        "sales_mgr", "dealer.price.change", "search", [("state", "=", "draft")], limit=1
    )[0]
    refused(
        call,
        "sales_mgr",
        "dealer.price.change",
        "write",
        [change],
        {"state": "approved"},
        match="SAL-17",
    )
    after = call(
        "sales_mgr", "product.template", "read", [template["id"]], ["list_price"]
    )[0]
    assert after["list_price"] == template["list_price"]
