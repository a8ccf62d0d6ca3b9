"""End-to-end: approvals cannot be forged over the external API (issue 16).

The requester of a customer-file access request tries, over XML-RPC, to approve
its reviews in the head's name, to add an approved review, to delete the
reviews, to write the request's state and signer, and to skip tier
validation's edit check with its context key: each is refused, and the Technical
head still signs."""

import xmlrpc.client

import pytest
from test_e2e import assert_refused, caller, json_call

USER_ERROR = 2  # Odoo's fault code for a UserError / ValidationError over XML-RPC


def assert_user_error(func, *args, **kwargs):
    with pytest.raises(xmlrpc.client.Fault) as refusal:
        func(*args, **kwargs)
    assert refusal.value.faultCode == USER_ERROR, refusal.value.faultString
    return refusal.value.faultString


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
