"""End-to-end: dealer_kpi's rules hold over the external API (issue 21).

Runs against the served demo database (see test_e2e.py): a technician cannot
set the KPI scheme of a department they do not head (HRM-16), weights that do
not total 100 are refused, and a period is never typed into an appraisal
(HRM-14).
"""

import xmlrpc.client

import pytest
from test_e2e import URL, caller, json_call

pytestmark = pytest.mark.skipif(not URL, reason="no served database (run make test)")


def refused(call, login, model, method, *args, match, **kwargs):
    with pytest.raises(xmlrpc.client.Fault, match=match):
        call(login, model, method, *args, **kwargs)


def test_kpi_scheme_rules_hold_over_rpc():
    call = caller("admin", "tech")
    department = call("admin", "hr.department", "create", {"name": "E2E Technical"})
    kpis = call(
        "admin",
        "dealer.kpi",
        "search",
        [("scope", "=", "person"), ("unit", "=", "percent")],
        limit=2,
    )
    assert len(kpis) == 2
    lines = [(0, 0, {"kpi_id": kpis[0], "weight": 60})]
    refused(
        call,
        "tech",
        "dealer.kpi.scheme",
        "create",
        {"name": "Mine", "department_id": department, "line_ids": lines},
        match="HRM-16",
    )
    refused(
        call,
        "admin",
        "dealer.kpi.scheme",
        "create",
        {"name": "Short", "department_id": department, "line_ids": lines},
        match="HRM-16",
    )
    # Positive control: weights totalling 100.
    scheme = call(
        "admin",
        "dealer.kpi.scheme",
        "create",
        {
            "name": "E2E scheme",
            "department_id": department,
            "line_ids": [*lines, (0, 0, {"kpi_id": kpis[1], "weight": 40})],
        },
    )
    assert scheme
    employee = call("admin", "hr.employee", "create", {"name": "E2E appraisee"})
    manager = call("admin", "hr.employee", "create", {"name": "E2E manager"})
    appraisal = call(
        "admin",
        "hr.appraisal",
        "create",
        {
            "employee_id": employee,
            "manager_ids": [(6, 0, [manager])],
            "date_close": "2031-01-15",
        },
    )
    refused(
        call,
        "admin",
        "hr.appraisal",
        "write",
        [appraisal],
        {"dealer_period": "2030-Q4"},
        match="HRM-14",
    )


def test_hrm_14_appraisee_and_peers_over_rpc():
    """HRM-14, HRM-15 over XML-RPC: the salesperson neither confirms, grades,
    closes nor adds herself as a manager of her demo appraisal, with or
    without context keys; her head neither types the grade nor deletes a
    submitted peer evaluation; she does not learn who her peer was, nor reads
    her appraisal once it is visible to managers only."""
    call = caller("sales", "sales_mgr", "tech")
    [appraisal] = call(
        "sales_mgr",
        "hr.appraisal",
        "search",
        [("employee_id.user_id", "=", call.uids["sales"]), ("state", "=", "1_new")],
        limit=1,
    )
    [employee] = call(
        "sales", "hr.employee", "search", [("user_id", "=", call.uids["sales"])]
    )
    refused(
        call, "sales", "hr.appraisal", "action_confirm", [appraisal], match="HRM-14"
    )
    # Positive control: her head confirms it (returns None: JSON-RPC).
    json_call(
        "sales_mgr",
        call.uids["sales_mgr"],
        "hr.appraisal",
        "action_confirm",
        [appraisal],
    )
    keys = {"tracking_disable": True, "skip_validation_check": True}
    for vals in (
        {"dealer_grade": "a"},
        {"dealer_total_score": 99},
        {"state": "3_done"},
        {"dealer_outcome": "promotion"},
        {"manager_ids": [(4, employee)]},
    ):
        for context in ({}, keys):
            refused(
                call,
                "sales",
                "hr.appraisal",
                "write",
                [appraisal],
                vals,
                context=context,
                match="HRM-14",
            )
    refused(call, "sales", "hr.appraisal", "action_done", [appraisal], match="HRM-14")
    for vals in ({"dealer_grade": "a"}, {"state": "3_done"}):
        refused(
            call,
            "sales_mgr",
            "hr.appraisal",
            "write",
            [appraisal],
            vals,
            context=keys,
            match="HRM-14",
        )
    # Positive control: she writes her own feedback.
    call(
        "sales",
        "hr.appraisal",
        "write",
        [appraisal],
        {"employee_feedback": "<p>本季度完成目标。</p>"},
    )

    # A peer evaluates; the appraisee sees the average, not the peer.
    peer = call(
        "sales_mgr",
        "dealer.appraisal.evaluation",
        "create",
        {
            "appraisal_id": appraisal,
            "kind": "peer",
            "evaluator_user_id": call.uids["tech"],
        },
    )
    call("tech", "dealer.appraisal.evaluation", "write", [peer], {"score": 70})
    json_call(
        "tech",
        call.uids["tech"],
        "dealer.appraisal.evaluation",
        "action_submit",
        [peer],
    )
    rows = call(
        "sales",
        "dealer.appraisal.evaluation",
        "search_read",
        [("appraisal_id", "=", appraisal)],
        fields=["kind", "evaluator_user_id"],
    )
    assert rows and "peer" not in {row["kind"] for row in rows}
    groups = call(
        "sales",
        "dealer.appraisal.evaluation",
        "read_group",
        [("appraisal_id", "=", appraisal)],
        ["evaluator_user_id"],
        ["evaluator_user_id"],
    )
    assert call.uids["tech"] not in {g["evaluator_user_id"][0] for g in groups}
    with pytest.raises(xmlrpc.client.Fault):
        call(
            "sales",
            "dealer.appraisal.evaluation",
            "read",
            [peer],
            ["evaluator_user_id"],
        )
    [mine] = call(
        "sales",
        "hr.appraisal",
        "read",
        [appraisal],
        ["dealer_evaluation_ids", "dealer_eval_peer"],
    )
    assert peer not in mine["dealer_evaluation_ids"] and mine["dealer_eval_peer"] == 70
    # A submitted evaluation stays, whichever way it is deleted.
    refused(
        call,
        "sales_mgr",
        "dealer.appraisal.evaluation",
        "unlink",
        [peer],
        match="HRM-14",
    )
    refused(
        call,
        "sales_mgr",
        "hr.appraisal",
        "write",
        [appraisal],
        {"dealer_evaluation_ids": [(2, peer)]},
        match="HRM-14",
    )

    # Visible to managers only: the appraisee no longer reads it.
    call("sales_mgr", "hr.appraisal", "write", [appraisal], {"visibility": "manager"})
    with pytest.raises(xmlrpc.client.Fault):
        call("sales", "hr.appraisal", "read", [appraisal], ["employee_id"])
    assert not call("sales", "hr.appraisal", "search", [("id", "=", appraisal)])
    call("sales_mgr", "hr.appraisal", "write", [appraisal], {"visibility": "all"})
    assert call("sales", "hr.appraisal", "search", [("id", "=", appraisal)])
