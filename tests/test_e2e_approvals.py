"""End-to-end: approvals cannot be forged over the external API (issue 16).

The requester of a customer-file access request tries, over XML-RPC, to approve
its reviews in the head's name, to add an approved review, to delete the
reviews, to write the request's state and signer, and to skip tier
validation's edit check with its context key: each is refused, and the Technical
head still signs."""

import json
import urllib.request
import xmlrpc.client

import pytest
from test_e2e import DB, URL, assert_refused, caller, json_call

USER_ERROR = 2  # Odoo's fault code for a UserError / ValidationError over XML-RPC


def assert_user_error(func, *args, **kwargs):
    with pytest.raises(xmlrpc.client.Fault) as refusal:
        func(*args, **kwargs)
    assert refusal.value.faultCode == USER_ERROR, refusal.value.faultString
    return refusal.value.faultString


def assert_json_refused(login, uid, model, method, *args):
    """The same call over JSON-RPC answers an AccessError."""
    password = "admin" if login == "admin" else "dealer-demo"
    payload = {
        "jsonrpc": "2.0",
        "method": "call",
        "params": {
            "service": "object",
            "method": "execute_kw",
            "args": [DB, uid, password, model, method, list(args), {}],
        },
    }
    request = urllib.request.Request(
        f"{URL}/jsonrpc",
        data=json.dumps(payload).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        answer = json.load(response)
    assert answer.get("error"), answer
    assert answer["error"]["data"]["name"] == "odoo.exceptions.AccessError", answer


def test_requester_cannot_forge_a_file_request_approval_over_rpc():
    call = caller("tech", "tech_mgr", "custodian")
    model = "dealer.customer.file.request"
    file_id = call(
        "custodian",
        "dealer.customer.file",
        "search",
        [("partner_id.name", "ilike", "创远")],
    )
    files = file_id or call("custodian", "dealer.customer.file", "search", [])
    request_id = call(
        "tech",
        model,
        "create",
        {
            "file_id": files[-1],
            "purpose": "核对报价",
            "reason": "客户要求复核上季度报价的付款条件。",
            "duration_hours": 2,
        },
    )
    call("tech", model, "action_submit", [request_id])
    reviews = call(
        "tech",
        "tier.review",
        "search_read",
        [("model", "=", model), ("res_id", "=", request_id)],
        fields=["status", "definition_id"],
    )
    assert reviews and {review["status"] for review in reviews} <= {
        "waiting",
        "pending",
    }
    head = call.uids["tech_mgr"]
    ids = [review["id"] for review in reviews]
    assert_refused(
        call,
        "tech",
        "tier.review",
        "write",
        ids,
        {"status": "approved", "done_by": head},
    )
    assert_refused(
        call,
        "tech",
        "tier.review",
        "write",
        ids,
        {"status": "approved"},
        context={"dealer_tier_review": "dealer_tier_review"},
    )
    assert_refused(call, "tech", "tier.review", "unlink", ids)
    assert_refused(
        call,
        "tech",
        "tier.review",
        "create",
        {
            "model": model,
            "res_id": request_id,
            "definition_id": reviews[0]["definition_id"][0],
            "status": "approved",
            "done_by": head,
        },
    )
    assert "CUS-19" in assert_user_error(
        call, "tech", model, "write", [request_id], {"state": "approved"}
    )
    assert "CUS-18" in assert_user_error(
        call,
        "tech",
        model,
        "write",
        [request_id],
        {"head_group_id": 1},
        context={"dealer_governed": "dealer_governed"},
    )
    assert_user_error(
        call,
        "tech",
        model,
        "write",
        [request_id],
        {"reason": "改写审批中的理由"},
        context={"skip_validation_check": True},
    )
    # The positive control: the Technical head signs through the comment wizard.
    action = call("tech_mgr", model, "validate_tier", [request_id])
    wizard = call(
        "tech_mgr",
        "comment.wizard",
        "create",
        {"comment": "同意"},
        context=action["context"],
    )
    json_call(
        "tech_mgr",
        head,
        "comment.wizard",
        "add_comment",
        [wizard],
        context=action["context"],
    )
    signed = call(
        "tech",
        "tier.review",
        "search_read",
        [("model", "=", model), ("res_id", "=", request_id), ("done_by", "=", head)],
        fields=["status", "comment", "reviewed_date"],
    )
    assert signed and signed[0]["status"] == "approved"
    assert signed[0]["comment"] == "同意" and signed[0]["reviewed_date"]
    # Leave the demo as found for the other scenarios.
    call("tech", model, "action_cancel", [request_id])


def test_requester_cannot_forge_a_purchase_plan_approval_over_rpc():
    """PUR-13, issue 16: the buyer who prepared a purchase plan cannot approve
    its reviews in the Purchasing Manager's name, add or delete a review,
    write the plan's state or recorded reviewer, nor create, change or delete
    a recorded decision, over XML-RPC and JSON-RPC; the Purchasing Manager's
    review is then recorded in dealer.decision with who, when and why."""
    call = caller("purchase", "purchase_mgr", "admin")
    model = "dealer.purchase.plan"
    product = call(
        "purchase", "product.product", "search", [("default_code", "=", "KBD-K380")]
    )[0]
    plan_id = call(
        "purchase",
        model,
        "create",
        {
            "note": "外部接口审批测试",
            "line_ids": [
                (
                    0,
                    0,
                    {
                        "product_id": product,
                        "quantity": 5,
                        "department": "after_sales",
                        "reason": "售后换货备机",
                    },
                )
            ],
        },
    )
    buyer, manager = call.uids["purchase"], call.uids["purchase_mgr"]
    json_call("purchase", buyer, model, "request_validation", [plan_id])
    reviews = call(
        "purchase",
        "tier.review",
        "search_read",
        [("model", "=", model), ("res_id", "=", plan_id)],
        fields=["status", "definition_id"],
    )
    assert len(reviews) == 2
    ids = [review["id"] for review in reviews]
    forged = {"status": "approved", "done_by": manager}
    assert_refused(call, "purchase", "tier.review", "write", ids, forged)
    # The same forgery over JSON-RPC is refused too.
    assert_json_refused("purchase", buyer, "tier.review", "write", ids, forged)
    assert_refused(call, "purchase", "tier.review", "unlink", ids)
    assert_refused(
        call,
        "purchase",
        "tier.review",
        "create",
        dict(
            forged,
            model=model,
            res_id=plan_id,
            definition_id=reviews[0]["definition_id"][0],
        ),
    )
    for vals in ({"state": "approved"}, {"reviewed_by_id": manager}):
        assert "PUR-13" in assert_user_error(
            call, "purchase", model, "write", [plan_id], vals
        )
    decision = {
        # ir.model is read by administrators only.
        "res_model_id": call("admin", "ir.model", "search", [("model", "=", model)])[0],
        "res_id": plan_id,
        "kind": "approval",
        "outcome": "approved",
        "rule": "PUR-13",
        "reason": "代采购经理审核",
        "decided_by_id": manager,
        "decided_on": "2026-12-01 09:00:00",
    }
    assert_refused(call, "purchase", "dealer.decision", "create", decision)
    assert_json_refused("purchase", buyer, "dealer.decision", "create", decision)
    assert not call(
        "purchase",
        "dealer.decision",
        "search",
        [("res_model", "=", model), ("res_id", "=", plan_id)],
    )
    # The positive control: the Purchasing Manager reviews through the wizard.
    action = call("purchase_mgr", model, "validate_tier", [plan_id])
    wizard = call(
        "purchase_mgr",
        "comment.wizard",
        "create",
        {"comment": "数量核对无误"},
        context=action["context"],
    )
    json_call(
        "purchase_mgr",
        manager,
        "comment.wizard",
        "add_comment",
        [wizard],
        context=action["context"],
    )
    decisions = call(
        "purchase",
        "dealer.decision",
        "search_read",
        [("res_model", "=", model), ("res_id", "=", plan_id)],
        fields=["decided_by_id", "decided_on", "reason", "rule", "requested_by_id"],
    )
    assert len(decisions) == 1
    assert decisions[0]["decided_by_id"][0] == manager
    assert decisions[0]["requested_by_id"][0] == buyer
    assert decisions[0]["reason"] == "数量核对无误"
    assert decisions[0]["rule"] == "PUR-13" and decisions[0]["decided_on"]
    for login in ("purchase", "purchase_mgr"):
        assert_refused(
            call,
            login,
            "dealer.decision",
            "write",
            [decisions[0]["id"]],
            {"reason": "改写"},
        )
        assert_refused(call, login, "dealer.decision", "unlink", [decisions[0]["id"]])
    # Leave the demo as found: the plan is cancelled (plans are kept).
    call("purchase", model, "action_cancel", [plan_id], "外部接口测试结束")
