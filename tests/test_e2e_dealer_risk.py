"""End-to-end: dealer_risk's rules hold over the external API (issue 22).

Runs against the served demo database (see test_e2e.py) with the README's demo
logins: the purchasing head owns the demo's high risk and tries to accept it, to
write its level and state, and a context key does not help; a salesperson reports
a major incident and General Management hears of it; the general manager cannot
forge an assessment's state.
"""

import xmlrpc.client

import pytest
from test_e2e import URL, caller

pytestmark = pytest.mark.skipif(not URL, reason="no served database (run make test)")


def refused(call, login, model, method, *args, match, **kwargs):
    with pytest.raises(xmlrpc.client.Fault, match=match):
        call(login, model, method, *args, **kwargs)


def test_risk_rules_hold_over_rpc():
    """RSK-02, RSK-04, RSK-07, RSK-08, RSK-01 over XML-RPC as the demo's staff."""
    call = caller("purchase_mgr", "sales", "gm", "sales_mgr")
    [high] = call(
        "purchase_mgr",
        "dealer.risk",
        "search_read",
        [("level", "=", "high"), ("owner_id.login", "=", "purchase_mgr")],
        fields=["id", "name", "strategy_id", "likelihood", "impact"],
        limit=1,
    )
    accept = call(
        "purchase_mgr", "dealer.risk.strategy", "search", [("code", "=", "accept")]
    )[0]
    transfer = call(
        "purchase_mgr", "dealer.risk.strategy", "search", [("code", "=", "transfer")]
    )[0]

    # RSK-04: a high risk is not accepted, by write or by import.
    refused(
        call,
        "purchase_mgr",
        "dealer.risk",
        "write",
        [high["id"]],
        {"strategy_id": accept},
        match="RSK-04",
    )
    # RSK-02, RSK-07: its level and state are never written, with or without a
    # context key that looks like the server's.
    for vals, rule in (({"level": "low"}, "RSK-02"), ({"state": "closed"}, "RSK-07")):
        refused(
            call,
            "purchase_mgr",
            "dealer.risk",
            "write",
            [high["id"]],
            vals,
            context={"dealer_governed": "dealer_governed"},
            match=rule,
        )
    result = call(
        "purchase_mgr",
        "dealer.risk",
        "load",
        [".id", "level"],
        [[str(high["id"]), "low"]],
    )
    assert not result["ids"]
    assert "RSK-02" in " ".join(m["message"] for m in result["messages"])
    # Positive control: transferring it is allowed.
    call(
        "purchase_mgr",
        "dealer.risk",
        "write",
        [high["id"]],
        {"strategy_id": transfer},
    )
    call(
        "purchase_mgr",
        "dealer.risk",
        "write",
        [high["id"]],
        {"strategy_id": high["strategy_id"][0]},
    )
    [after] = call(
        "purchase_mgr", "dealer.risk", "read", [high["id"]], fields=["level", "state"]
    )
    assert after["level"] == "high"

    # RSK-08: a salesperson reports a major incident; General Management gets
    # an activity at once.
    incident = call(
        "sales",
        "dealer.risk.incident",
        "create",
        {
            "name": "展会样机被盗（端到端测试）",
            "risk_id": high["id"],
            "department": "sales",
            "description": "展会结束撤展时发现两台样机丢失，已报警。",
        },
    )
    gm_uid = call.uids["gm"]
    activities = call(
        "gm",
        "mail.activity",
        "search_read",
        [("res_model", "=", "dealer.risk.incident"), ("res_id", "=", incident)],
        fields=["user_id"],
    )
    assert gm_uid in {activity["user_id"][0] for activity in activities}
    assert call.uids["sales_mgr"] in {activity["user_id"][0] for activity in activities}
    # The reporter cannot say someone else reported it.
    refused(
        call,
        "sales",
        "dealer.risk.incident",
        "write",
        [incident],
        {"reporter_id": gm_uid},
        match="RSK-08",
    )

    # RSK-01: an assessment is closed by its approval, not by a write.
    open_assessments = call(
        "gm", "dealer.risk.assessment", "search", [("state", "=", "open")], limit=1
    )
    if open_assessments:
        refused(
            call,
            "gm",
            "dealer.risk.assessment",
            "write",
            open_assessments,
            {"state": "closed"},
            match="RSK-01",
        )
    closed = call(
        "gm", "dealer.risk.assessment", "search_count", [("state", "=", "closed")]
    )
    assert closed >= 1, "the demo has last quarter's closed assessment"
