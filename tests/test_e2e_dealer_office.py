"""End-to-end: dealer_office's and dealer_hr's rules hold over the external API
(issue 24).

Runs against the served demo database (see test_e2e.py) with the README's demo
logins: a technician tries to close the business meeting or forge its state, a
salesperson to lend herself an archive item or reopen an escalated action, the
office clerk to issue a notice before its approval, the after-sales engineer to
pick up the company car before the approval and a recruiter to hire before the
checks; legitimate steps still go through.
"""

import xmlrpc.client

import pytest
from test_e2e import URL, caller

pytestmark = pytest.mark.skipif(not URL, reason="no served database (run make test)")


def refused(call, login, model, method, *args, match, **kwargs):
    with pytest.raises(xmlrpc.client.Fault, match=match):
        call(login, model, method, *args, **kwargs)


def test_office_rules_hold_over_rpc():
    """ADM-03, ADM-05, ADM-09, ADM-11, ADM-20, ADM-21 over XML-RPC."""
    call = caller("tech", "sales", "office", "service", "sales_mgr")

    # ADM-09, ADM-21: the meetings are managed by their chair, deputy and
    # minute-taker only; states are not written.
    meetings = call(
        "tech",
        "dealer.meeting",
        "search_read",
        [("series_id.department", "=", "sales")],
        fields=["state"],
    )
    closed = [m["id"] for m in meetings if m["state"] == "closed"]
    planned = [m["id"] for m in meetings if m["state"] == "planned"]
    assert len(closed) >= 2 and planned
    refused(call, "tech", "dealer.meeting", "action_hold", planned[:1], match="ADM-21")
    refused(
        call,
        "tech",
        "dealer.meeting",
        "write",
        planned[:1],
        {"state": "closed"},
        match="ADM-09",
    )
    refused(
        call,
        "sales",
        "dealer.meeting",
        "write",
        closed[:1],
        {"minutes": "<p>rewritten</p>"},
        match="ADM-21",
    )
    # ADM-21: the published minutes are in the archive ledger.
    filed = call(
        "office",
        "dealer.archive.item",
        "search_count",
        [("category", "=", "minutes"), ("res_id", "in", closed)],
    )
    assert filed == len(closed)

    # ADM-20: an escalated action item stays escalated.
    escalated = call(
        "sales",
        "dealer.meeting.action",
        "search",
        [("state", "=", "escalated")],
        limit=1,
    )
    assert escalated
    refused(
        call,
        "sales",
        "dealer.meeting.action",
        "write",
        escalated,
        {"state": "open"},
        match="ADM-20",
    )

    # ADM-05, ADM-06: the salesperson does not lend herself an archive item.
    item = call(
        "sales",
        "dealer.archive.item",
        "search",
        [("confidential", "=", True)],
        limit=1,
    )[0]
    loan = call(
        "sales",
        "dealer.archive.loan",
        "create",
        {"item_id": item, "purpose": "查阅入职材料"},
    )
    refused(
        call,
        "sales",
        "dealer.archive.loan",
        "write",
        [loan],
        {"state": "granted"},
        match="ADM-05",
    )
    refused(
        call,
        "sales",
        "dealer.archive.loan",
        "write",
        [loan],
        {"state": "granted"},
        context={"dealer_governed": "dealer_governed"},
        match="ADM-05",
    )
    refused(
        call, "sales", "dealer.archive.loan", "action_return", [loan], match="ADM-05"
    )
    # Positive control: she asks; a confidential item waits for two approvers.
    call("sales", "dealer.archive.loan", "action_request", [loan])
    reviews = call(
        "sales", "dealer.archive.loan", "read", [loan], fields=["state", "review_ids"]
    )[0]
    assert reviews["state"] == "requested" and len(reviews["review_ids"]) == 2

    # ADM-03: the notice waiting for approval is not issued, nor approved by
    # its author's write.
    notice = call(
        "office",
        "dealer.office.document",
        "search",
        [("state", "=", "submitted")],
        limit=1,
    )
    assert notice
    refused(
        call, "office", "dealer.office.document", "action_issue", notice, match="ADM-03"
    )
    refused(
        call,
        "office",
        "dealer.office.document",
        "write",
        notice,
        {"state": "approved"},
        match="ADM-03",
    )

    # ADM-11: the company car is not picked up before the approval.
    usage = call(
        "service",
        "fleet.vehicle.usage",
        "search",
        [("requester_id.login", "=", "service"), ("state", "=", "draft")],
        limit=1,
    )
    assert usage
    refused(
        call, "service", "fleet.vehicle.usage", "action_pick", usage, match="ADM-11"
    )
    refused(
        call,
        "service",
        "fleet.vehicle.usage",
        "write",
        usage,
        {"state": "reserved"},
        match="ADM-11",
    )


def test_hr_rules_hold_over_rpc():
    """HRM-03 over XML-RPC: the applicant in progress is not hired before the
    written test and the background check are recorded."""
    call = caller("office")
    applicant = call(
        "office",
        "hr.applicant",
        "search",
        [("job_id.name", "=", "业务员（商务代表）")],
        limit=1,
    )
    assert applicant
    hired = call(
        "office",
        "hr.recruitment.stage",
        "search",
        [("hired_stage", "=", True)],
        limit=1,
    )
    refused(
        call,
        "office",
        "hr.applicant",
        "write",
        applicant,
        {"stage_id": hired[0]},
        match="HRM-03",
    )
