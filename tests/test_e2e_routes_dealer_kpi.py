"""End-to-end: the KPI engine's and the sales targets' rules hold over the
external API (issue 21).

Runs against the served demo database (see test_e2e.py) with the README's demo
logins: the administrator refreshes the KPIs; a salesperson cannot refresh
them, create or change a KPI value, nor read a colleague's; the sales head
cannot confirm a target plan whose personal targets fall short (SAL-24), and a
salesperson cannot create one.
"""

import datetime
import xmlrpc.client

import pytest
from test_e2e import URL, caller

pytestmark = pytest.mark.skipif(not URL, reason="no served database (run make test)")


def refused(call, login, model, method, *args, match, **kwargs):
    with pytest.raises(xmlrpc.client.Fault, match=match):
        call(login, model, method, *args, **kwargs)


def test_kpi_and_target_rules_hold_over_rpc():
    """ORG-15, HRM-05, SAL-24 over XML-RPC as the demo's staff."""
    call = caller("admin", "sales", "sales_mgr")
    call("admin", "dealer.kpi", "action_refresh", [])
    values = call(
        "admin", "dealer.kpi.value", "search_read", [], ["user_id"], limit=500
    )
    assert values, "the demo's orders and tickets give KPI values"

    # ORG-15: only heads and general management refresh.
    refused(call, "sales", "dealer.kpi", "action_refresh", [], match="ORG-15")
    # Values are written by the engine alone.
    refused(
        call,
        "sales",
        "dealer.kpi.value",
        "create",
        {"kpi_id": 1, "company_id": 1, "period": "2026-Q4"},
        match=r"dealer\.kpi\.value",
    )
    own = call("sales", "dealer.kpi.value", "search_read", [], ["user_id"])
    assert {value["user_id"][0] for value in own} <= {call.uids["sales"]}
    others = [
        value["id"]
        for value in values
        if value["user_id"] and value["user_id"][0] != call.uids["sales"]
    ]
    if others:
        refused(
            call,
            "sales",
            "dealer.kpi.value",
            "read",
            others[:1],
            ["value"],
            match=r"dealer\.kpi\.value",
        )
        refused(
            call,
            "sales",
            "dealer.kpi.value",
            "write",
            others[:1],
            {"state": "final"},
            match=r"dealer\.kpi\.value",
        )

    # SAL-24: a plan short of the department's target is not confirmed.
    refused(
        call,
        "sales",
        "dealer.sales.target.plan",
        "create",
        {"date_from": "2031-01-01", "amount": 100},
        match=r"dealer\.sales\.target\.plan",
    )
    plan = call(
        "sales_mgr",
        "dealer.sales.target.plan",
        "create",
        {
            "date_from": f"{datetime.date.today().year + 5}-01-01",
            "amount": 100000,
            "line_ids": [(0, 0, {"user_id": call.uids["sales"], "amount": 60000})],
        },
    )
    refused(
        call,
        "sales_mgr",
        "dealer.sales.target.plan",
        "action_confirm",
        [plan],
        match="SAL-24",
    )
    refused(
        call,
        "sales_mgr",
        "dealer.sales.target.plan",
        "write",
        [plan],
        {"state": "confirmed"},
        match="SAL-24",
    )
    # Positive control: once the targets add up, the head confirms.
    call(
        "sales_mgr",
        "dealer.sales.target.plan",
        "write",
        [plan],
        {"line_ids": [(0, 0, {"user_id": call.uids["sales_mgr"], "amount": 40000})]},
    )
    call("sales_mgr", "dealer.sales.target.plan", "action_confirm", [plan])
    state = call("sales_mgr", "dealer.sales.target.plan", "read", [plan], ["state"])
    assert state[0]["state"] == "confirmed"
