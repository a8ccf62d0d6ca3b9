"""End-to-end: dealer_helpdesk's rules hold over the external API (issue 15).

Run by `make test` against the served demo database, as the demo's After-sales
staff (`service`) and head (`service_mgr`), with demo records found by search.
"""

import xmlrpc.client
from datetime import datetime, timedelta

import pytest
from test_e2e import URL, assert_refused, caller, json_call

pytestmark = pytest.mark.skipif(not URL, reason="no served database (run make test)")

FORMAT = "%Y-%m-%d %H:%M:%S"


def test_complaint_rules_hold_over_rpc():
    """CMP-07, CMP-02, ASV-05 over XML-RPC: After-sales staff cannot close the
    demo's open complaint with a root cause of spaces (write or import), nor
    write its promise or its type; a new complaint gets its promise from the
    company and the wizard extends it with a reason."""
    call = caller("service")
    done = call(
        "service",
        "helpdesk.ticket.stage",
        "search",
        [("closed", "=", True)],
        limit=1,
    )[0]
    complaint = call(
        "service",
        "helpdesk.ticket",
        "search_read",
        [("dealer_ticket_type", "=", "complaint"), ("stage_id.closed", "=", False)],
        fields=["stage_id", "dealer_promised_date", "partner_id"],
        limit=1,
    )[0]

    with pytest.raises(xmlrpc.client.Fault, match="CMP-07"):
        call(
            "service",
            "helpdesk.ticket",
            "write",
            [complaint["id"]],
            {
                "dealer_root_cause": "   ",
                "dealer_corrective_action": "\n ",
                "dealer_customer_confirmation": "confirmed",
                "stage_id": done,
            },
        )
    # Import, over JSON-RPC: its messages carry null values XML-RPC cannot.
    imported = json_call(
        "service",
        call.uids["service"],
        "helpdesk.ticket",
        "load",
        [".id", "stage_id/.id"],
        [[str(complaint["id"]), str(done)]],
    )
    assert not imported["ids"]
    assert "CMP-07" in imported["messages"][0]["message"]
    with pytest.raises(xmlrpc.client.Fault, match="CMP-02"):
        call(
            "service",
            "helpdesk.ticket",
            "write",
            [complaint["id"]],
            {
                "dealer_promised_date": "2030-01-01 00:00:00",
                "dealer_promise_reason": "Agreed on the phone",
            },
        )
    with pytest.raises(xmlrpc.client.Fault, match="ASV-05"):
        call(
            "service",
            "helpdesk.ticket",
            "write",
            [complaint["id"]],
            {"dealer_ticket_type": "consultation"},
        )
    after = call(
        "service",
        "helpdesk.ticket",
        "read",
        [complaint["id"]],
        fields=["stage_id", "dealer_promised_date", "dealer_ticket_type"],
    )[0]
    assert after["stage_id"] == complaint["stage_id"]
    assert after["dealer_promised_date"] == complaint["dealer_promised_date"]
    assert after["dealer_ticket_type"] == "complaint"

    # Positive control: a complaint taken over the API, extended with a reason.
    ticket = call(
        "service",
        "helpdesk.ticket",
        "create",
        {
            "name": "E2E routes: wrong power adapter",
            "description": "<p>A 65 W adapter came with a 90 W laptop.</p>",
            "dealer_ticket_type": "complaint",
            "partner_id": complaint["partner_id"][0],
        },
    )
    promised = call(
        "service",
        "helpdesk.ticket",
        "read",
        [ticket],
        fields=["dealer_promised_date"],
    )[0]["dealer_promised_date"]
    assert promised
    later = (datetime.strptime(promised, FORMAT) + timedelta(days=1)).strftime(FORMAT)
    wizard = call(
        "service",
        "dealer.helpdesk.promise.extend",
        "create",
        {"ticket_id": ticket, "new_date": later, "reason": "Adapter on order"},
    )
    call("service", "dealer.helpdesk.promise.extend", "action_confirm", [wizard])
    extended = call(
        "service",
        "helpdesk.ticket",
        "read",
        [ticket],
        fields=["dealer_promised_date", "dealer_promised_date_initial"],
    )[0]
    assert extended["dealer_promised_date"] == later
    assert extended["dealer_promised_date_initial"] == promised


def test_handover_and_type_change_refused_over_rpc():
    """ASV-12, ASV-05 over XML-RPC: the demo's acknowledged handover is not
    rewritten by the installer nor deleted by the After-sales head; staff do
    not open the type change."""
    call = caller("service", "service_mgr")
    handover = call(
        "service",
        "dealer.helpdesk.handover",
        "search_read",
        [("state", "=", "acknowledged")],
        fields=["precautions", "ticket_id"],
        limit=1,
    )[0]
    with pytest.raises(xmlrpc.client.Fault, match="ASV-12"):
        call(
            "service",
            "dealer.helpdesk.handover",
            "write",
            [handover["id"]],
            {"precautions": "None needed"},
        )
    with pytest.raises(xmlrpc.client.Fault, match="ASV-12"):
        call("service_mgr", "dealer.helpdesk.handover", "unlink", [handover["id"]])
    assert_refused(
        call,
        "service",
        "dealer.helpdesk.type.change",
        "create",
        {
            "ticket_id": handover["ticket_id"][0],
            "new_type": "consultation",
            "reason": "Not an installation",
        },
    )
    kept = call(
        "service_mgr",
        "dealer.helpdesk.handover",
        "read",
        [handover["id"]],
        fields=["precautions"],
    )
    assert kept[0]["precautions"] == handover["precautions"]
