"""End-to-end: dealer_finance's rules hold over the external API (issue 23).

Runs against the served demo database (see test_e2e.py) with the README's demo
logins: a salesperson re-claims a fapiao already claimed, switches General
Management's tier off her claim and approves her own large-expense
pre-approval; the office manager confirms the sales budget's revision without
General Management; the legitimate claim still goes through.
"""

import xmlrpc.client

import pytest
from test_e2e import URL, caller, json_call

pytestmark = pytest.mark.skipif(not URL, reason="no served database (run make test)")


def refused(call, login, model, method, *args, match, **kwargs):
    with pytest.raises(xmlrpc.client.Fault, match=match):
        call(login, model, method, *args, **kwargs)


def test_finance_rules_hold_over_rpc():
    """FIN-06, FIN-08, FIN-02, FIN-05 over XML-RPC as the demo's staff."""
    call = caller("sales", "lighting_mgr")
    [employee] = call(
        "sales", "hr.employee", "search", [("user_id.login", "=", "sales")], limit=1
    )
    [product] = call(
        "sales", "product.product", "search", [("default_code", "=", "EXP-TAXI")]
    )
    # FIN-06: the demo's printing fapiao is claimed already, whoever claims it.
    refused(
        call,
        "sales",
        "hr.expense",
        "create",
        {
            "name": "再次报销同一张发票",
            "employee_id": employee,
            "product_id": product,
            "total_amount_currency": 50,
            "dealer_fapiao_code": "044031900111",
            "dealer_fapiao_number": "20481357",
        },
        match="FIN-06",
    )
    expense = call(
        "sales",
        "hr.expense",
        "create",
        {
            "name": "客户拜访停车费",
            "employee_id": employee,
            "product_id": product,
            "total_amount_currency": 40,
            "dealer_fapiao_code": "044031900111",
            "dealer_fapiao_number": "20489999",
        },
    )
    sheet = call(
        "sales",
        "hr.expense.sheet",
        "create",
        {
            "name": "停车费报销",
            "employee_id": employee,
            "expense_line_ids": [(6, 0, [expense])],
        },
    )
    # FIN-08: General Management's tier is set by the submission, not by her.
    refused(
        call,
        "sales",
        "hr.expense.sheet",
        "write",
        [sheet],
        {"dealer_gm_required": True},
        context={"dealer_governed": "server"},
        match="FIN-08",
    )
    # action_submit_sheet returns None: JSON-RPC.
    json_call(
        "sales", call.uids["sales"], "hr.expense.sheet", "action_submit_sheet", [sheet]
    )
    [claim] = call(
        "sales", "hr.expense.sheet", "read", [sheet], ["state", "dealer_gm_required"]
    )
    assert claim["state"] == "submit"
    assert claim["dealer_gm_required"] is False

    # FIN-08: the salesperson does not approve her own pre-approval.
    [request] = call(
        "sales",
        "dealer.expense.preapproval",
        "search",
        [("employee_id", "=", employee), ("state", "=", "draft")],
        limit=1,
    )
    refused(
        call,
        "sales",
        "dealer.expense.preapproval",
        "write",
        [request],
        {"state": "approved"},
        match="FIN-08",
    )
    refused(
        call,
        "sales",
        "dealer.expense.preapproval",
        "validate_tier",
        [request],
        match="FIN-08",
    )

    # FIN-02, FIN-05: the office manager revises the approved budget but does
    # not confirm the revision himself.
    [budget] = call(
        "lighting_mgr",
        "mis.budget.by.account",
        "search",
        [("state", "=", "confirmed"), ("dealer_department_id", "!=", False)],
        limit=1,
    )
    action = call(
        "lighting_mgr", "mis.budget.by.account", "action_dealer_revise", [budget]
    )
    revision = action["res_id"]
    refused(
        call,
        "lighting_mgr",
        "mis.budget.by.account",
        "action_confirm",
        [revision],
        match="FIN-02",
    )
    refused(
        call,
        "lighting_mgr",
        "mis.budget.by.account",
        "write",
        [revision],
        {"state": "confirmed"},
        match="FIN-02",
    )
    [old] = call("lighting_mgr", "mis.budget.by.account", "read", [budget], ["state"])
    assert old["state"] == "confirmed"


def test_asset_rules_hold_over_rpc():
    """FIN-11, FIN-12 over XML-RPC: the administration clerk cannot remove the
    printer whose disposal waits for General Management, nor reopen last month's
    closed count."""
    call = caller("office")
    [printer] = call(
        "office", "account.asset", "search", [("code", "=", "ZC-2026-003")], limit=1
    )
    refused(call, "office", "account.asset", "remove", [printer], match="FIN-11")
    refused(
        call,
        "office",
        "account.asset",
        "write",
        [printer],
        {"state": "removed"},
        match="FIN-11",
    )
    [count] = call(
        "office", "dealer.asset.count", "search", [("state", "=", "done")], limit=1
    )
    refused(
        call,
        "office",
        "dealer.asset.count",
        "write",
        [count],
        {"state": "draft"},
        match="FIN-12",
    )
