"""End-to-end, issue 15: dealer_purchase's rules hold over the external API.

Runs against the served demo database (`make test`), as the demo logins of the
README: the buyer `purchase`, the Purchasing head `purchase_mgr` and the Legal
Reviewer `legal`.
"""

import xmlrpc.client

import pytest
from test_e2e import URL, caller, json_call

pytestmark = pytest.mark.skipif(not URL, reason="no served database (run make test)")

NETWORK_SUPPLIER_VAT = "91440300MA5FA1C92F"  # lacks its quality certificate
PERIPHERALS_SUPPLIER_VAT = "91441900MA51Q2W84A"  # qualified
CLAUSES = {
    "dealer_quality_standard": "GB/T 14081-2010，每批附出厂检验报告",
    "dealer_after_sales_terms": "保修 24 个月，到货 15 天内故障换新",
}


def refused(func, *args, rule, **kwargs):
    """The call fails over XML-RPC with a message naming ``rule``."""
    with pytest.raises(xmlrpc.client.Fault) as refusal:
        func(*args, **kwargs)
    assert rule in refusal.value.faultString, refusal.value.faultString


def rfq(call, supplier_vat, **values):
    """A request for quotation the buyer creates over the API."""
    product = call(
        "purchase", "product.product", "search", [("default_code", "=", "KBD-K380")]
    )[0]
    partner = call("purchase", "res.partner", "search", [("vat", "=", supplier_vat)])[0]
    return call(
        "purchase",
        "purchase.order",
        "create",
        dict(
            {
                "partner_id": partner,
                "order_line": [
                    (0, 0, {"product_id": product, "product_qty": 2, "price_unit": 140})
                ],
            },
            **values,
        ),
    )


def approve_terms(call, order_id, comment):
    """The Legal Reviewer validates the order through the comment dialogue."""
    action = call("legal", "purchase.order", "validate_tier", [order_id])
    wizard = call(
        "legal",
        "comment.wizard",
        "create",
        {"comment": comment},
        context=action["context"],
    )
    # add_comment returns None, which XML-RPC cannot carry: JSON-RPC can.
    json_call(
        "legal",
        call.uids["legal"],
        "comment.wizard",
        "add_comment",
        [wizard],
        context=action["context"],
    )


def act(call, login, method, order_id):
    """An order's method that returns None or records, which XML-RPC cannot
    carry: called over JSON-RPC."""
    json_call(login, call.uids[login], "purchase.order", method, [order_id])


def state_of(call, order_id):
    return call("purchase", "purchase.order", "read", [order_id], fields=["state"])[0][
        "state"
    ]


def test_pur_09_state_written_over_rpc_is_refused_for_an_unqualified_supplier():
    """PUR-09: the buyer writes `state` of an RFQ to the network supplier over
    XML-RPC (to 'purchase', 'done'), imports it confirmed, or sends the guard's
    key as a string: all refused, the RFQ stays a quotation."""
    call = caller("purchase")
    order = rfq(call, NETWORK_SUPPLIER_VAT, **CLAUSES)
    for state in ("purchase", "done"):
        refused(
            call,
            "purchase",
            "purchase.order",
            "write",
            [order],
            {"state": state},
            rule="PUR-09",
        )
    refused(
        call,
        "purchase",
        "purchase.order",
        "write",
        [order],
        {"state": "purchase"},
        context={"dealer_governed": "server"},
        rule="PUR-09",
    )
    result = call(
        "purchase", "purchase.order", "load", [".id", "state"], [[order, "purchase"]]
    )
    assert not result["ids"]
    assert "PUR-09" in result["messages"][0]["message"]
    refused(
        call,
        "purchase",
        "purchase.order",
        "write",
        [order],
        {"dealer_qualification_override": "急需"},
        rule="PUR-09",
    )
    assert state_of(call, order) == "draft"


def test_pur_15_legal_review_cannot_be_skipped_or_forged_over_rpc():
    """PUR-14, PUR-15: every purchase contract goes to legal review in the demo
    (threshold zero). Over the API the buyer cannot write the review flag off,
    nor mark the review approved in the Legal Reviewer's name; the Legal
    Reviewer approves, and the buyer then confirms (positive control)."""
    call = caller("purchase", "legal")
    threshold = call(
        "purchase",
        "res.company",
        "search_read",
        [],
        fields=["dealer_legal_review_amount"],
    )
    assert {company["dealer_legal_review_amount"] for company in threshold} == {0.0}
    order = rfq(call, PERIPHERALS_SUPPLIER_VAT, **CLAUSES)
    flags = call(
        "purchase",
        "purchase.order",
        "read",
        [order],
        fields=["dealer_legal_review_required"],
    )
    assert flags[0]["dealer_legal_review_required"]
    refused(
        call,
        "purchase",
        "purchase.order",
        "write",
        [order],
        {"dealer_legal_review_required": False},
        rule="PUR-15",
    )
    with pytest.raises(xmlrpc.client.Fault):
        call("purchase", "purchase.order", "button_confirm", [order])

    act(call, "purchase", "request_validation", order)
    reviews = call(
        "purchase",
        "tier.review",
        "search",
        [("model", "=", "purchase.order"), ("res_id", "=", order)],
    )
    assert reviews
    # OCA lets any user write reviews: the forged approval does not confirm.
    call(
        "purchase",
        "tier.review",
        "write",
        reviews,
        {"status": "approved", "done_by": call.uids["legal"]},
    )
    refused(
        call, "purchase", "purchase.order", "button_confirm", [order], rule="PUR-15"
    )
    refused(
        call,
        "purchase",
        "purchase.order",
        "write",
        [order],
        {"state": "purchase"},
        rule="PUR-15",
    )
    assert state_of(call, order) == "draft"

    # The legitimate chain: validation restarted, approved by the Legal Reviewer.
    act(call, "purchase", "restart_validation", order)
    act(call, "purchase", "request_validation", order)
    approve_terms(call, order, "条款齐全，同意签订")
    approval = call(
        "purchase",
        "purchase.order",
        "read",
        [order],
        fields=["dealer_legal_approved_by_id"],
    )[0]
    assert approval["dealer_legal_approved_by_id"][0] == call.uids["legal"]
    call("purchase", "purchase.order", "button_confirm", [order])
    assert state_of(call, order) == "purchase"


def test_pur_09_manager_decision_over_rpc():
    """PUR-09, issue 16: the buyer cannot decide to order from the network
    supplier; the Purchasing head records the decision (who, when, why) and,
    after legal review, the buyer confirms."""
    call = caller("purchase", "purchase_mgr", "legal")
    order = rfq(call, NETWORK_SUPPLIER_VAT, **CLAUSES)
    refused(
        call,
        "purchase",
        "purchase.order",
        "action_dealer_override",
        [order],
        reason="急需",
        rule="PUR-09",
    )
    refused(
        call,
        "purchase_mgr",
        "purchase.order",
        "action_dealer_override",
        [order],
        reason="   ",
        rule="PUR-09",
    )
    call(
        "purchase_mgr",
        "purchase.order",
        "action_dealer_override",
        [order],
        reason="唯一货源，质量体系证书已催办",
    )
    decided = call(
        "purchase",
        "purchase.order",
        "read",
        [order],
        fields=["dealer_override_user_id", "dealer_override_date"],
    )[0]
    assert decided["dealer_override_user_id"][0] == call.uids["purchase_mgr"]
    assert decided["dealer_override_date"]
    act(call, "purchase", "request_validation", order)
    approve_terms(call, order, "同意")
    call("purchase", "purchase.order", "button_confirm", [order])
    assert state_of(call, order) == "purchase"


def test_pur_13_demo_plan_cannot_be_written_to_approved_over_rpc():
    """PUR-13: the demo's draft plan is not written to approved over the API,
    not even by the Purchasing head."""
    call = caller("purchase", "purchase_mgr")
    plans = call(
        "purchase", "dealer.purchase.plan", "search", [("state", "=", "draft")]
    )
    assert plans
    for login in ("purchase", "purchase_mgr"):
        refused(
            call,
            login,
            "dealer.purchase.plan",
            "write",
            plans[:1],
            {"state": "approved"},
            rule="PUR-13",
        )


def test_pur_15_demo_contract_waits_for_the_legal_reviewer():
    """PUR-15: the demo has a contract the Legal Reviewer finds waiting."""
    call = caller("legal")
    waiting = call(
        "legal",
        "purchase.order",
        "search_read",
        [("can_review", "=", True)],
        fields=["dealer_legal_review_required", "state"],
    )
    assert waiting
    assert all(o["dealer_legal_review_required"] for o in waiting)
