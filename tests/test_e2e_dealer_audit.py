"""End-to-end: dealer_audit's inspections over the external API.

Runs against the served demo database (see test_e2e.py) with the README's demo
logins: the head of Administration cannot close this quarter's open inspection
by writing its state, nor by its Close button while a non-conforming line has
no finding; the demo's closed inspection of last quarter has its findings, and
this quarter's shows the lighting office store's missing monthly stocktake.
"""

import xmlrpc.client

import pytest
from test_e2e import URL, caller

pytestmark = pytest.mark.skipif(not URL, reason="no served database (run make test)")


def test_inspections_hold_over_rpc():
    """AUD-01, AUD-02, AUD-04 over XML-RPC as the demo's head of Administration."""
    call = caller("office_mgr", "admin")
    inspections = call(
        "office_mgr",
        "mgmtsystem.audit",
        "search_read",
        [("dealer_kind", "=", "comprehensive")],
        fields=["state", "dealer_period", "dealer_finding_count"],
        order="dealer_date_from",
    )
    assert [i["state"] for i in inspections[-2:]] == ["done", "open"]
    closed, current = inspections[-2:]
    assert closed["dealer_finding_count"] >= 2
    # AUD-02, STK-11: the store opened this month has no monthly stocktake.
    line = call(
        "office_mgr",
        "mgmtsystem.verification.line",
        "search_read",
        [("audit_id", "=", current["id"]), ("dealer_rule_id.code", "=", "STK-11")],
        fields=["dealer_evidence_count", "dealer_result"],
    )[0]
    assert line["dealer_evidence_count"] >= 1
    assert line["dealer_result"] == "non_conforming"

    # AUD-04: the state is the Close step's, and the step wants the findings.
    with pytest.raises(xmlrpc.client.Fault, match="AUD-04"):
        call(
            "office_mgr",
            "mgmtsystem.audit",
            "write",
            [current["id"]],
            {"state": "done"},
        )
    with pytest.raises(xmlrpc.client.Fault, match="AUD-04"):
        call("office_mgr", "mgmtsystem.audit", "button_close", [current["id"]])
    state = call("office_mgr", "mgmtsystem.audit", "read", [current["id"]], ["state"])[
        0
    ]["state"]
    assert state == "open"
    # Positive control: the head may still write what is theirs to write.
    call(
        "office_mgr",
        "mgmtsystem.audit",
        "write",
        [current["id"]],
        {"strong_points": "<p>E2E: checked on site</p>"},
    )
