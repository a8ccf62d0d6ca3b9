"""End-to-end: dealer_kpi's rules hold over the external API (issue 21).

Runs against the served demo database (see test_e2e.py): a technician cannot
set the KPI scheme of a department they do not head (HRM-16), weights that do
not total 100 are refused, and a period is never typed into an appraisal
(HRM-14).
"""

import xmlrpc.client

import pytest
from test_e2e import URL, caller

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
