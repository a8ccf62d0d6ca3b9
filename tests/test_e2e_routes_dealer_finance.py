"""End-to-end: the expense chain's refusals over the external API (issue 23),
as the least-privileged demo user who could try, against the served demo
database: Finance's clerk signing a tier of her own claim, a technician
claiming the salesperson's fapiao again (typed in full-width digits), and one
pre-approval spent by two large claims."""

import base64

import pytest
from test_e2e import URL, caller, json_call, refused, sign

pytestmark = pytest.mark.skipif(not URL, reason="no served database (run make test)")


def own_employee(call, login):
    return call(login, "hr.employee", "search", [("user_id", "=", call.uids[login])])[0]


def claim(call, login, amount, name, voucher=False, **vals):
    employee = own_employee(call, login)
    [product] = call(
        login, "product.product", "search", [("default_code", "=", "EXP-TAXI")]
    )
    expense = call(
        login,
        "hr.expense",
        "create",
        {
            "name": name,
            "employee_id": employee,
            "product_id": product,
            "total_amount_currency": amount,
            **vals,
        },
    )
    if voucher:
        call(
            login,
            "ir.attachment",
            "create",
            {
                "name": "fapiao.txt",
                "datas": base64.b64encode(b"fapiao").decode(),
                "res_model": "hr.expense",
                "res_id": expense,
            },
        )
    return call(
        login,
        "hr.expense.sheet",
        "create",
        {
            "name": name,
            "employee_id": employee,
            "expense_line_ids": [(6, 0, [expense])],
        },
    )


def test_fin_07_claimant_signs_no_tier_of_her_claim_over_rpc():
    """FIN-07: the claim of Finance's only member has General Management's
    tier in Finance's place; after the head and the office manager signed,
    she has nothing to validate or reject on it; General Management signs."""
    call = caller("finance", "office_mgr", "lighting_mgr", "gm")
    sheet = claim(call, "finance", 30, "E2E 出租车费")
    json_call(
        "finance",
        call.uids["finance"],
        "hr.expense.sheet",
        "action_submit_sheet",
        [sheet],
    )
    [row] = call(
        "finance", "hr.expense.sheet", "read", [sheet], ["dealer_finance_escalated"]
    )
    assert row["dealer_finance_escalated"]
    reviews = call(
        "finance",
        "tier.review",
        "search_read",
        [("model", "=", "hr.expense.sheet"), ("res_id", "=", sheet)],
        fields=["status", "sequence", "definition_id"],
        order="sequence, id",
    )
    assert reviews and reviews[0]["status"] == "pending"
    definitions = {review["definition_id"][0] for review in reviews}
    [finance_tier] = call(
        "gm",
        "tier.definition",
        "search",
        [("name", "=", "Expense claim: company Finance")],
        context={"lang": "en_US"},
    )
    assert finance_tier not in definitions
    ids = [review["id"] for review in reviews]
    # The head of Finance's department, then the office manager, sign in turn.
    for login in ("office_mgr", "lighting_mgr"):
        sign(call, login, "hr.expense.sheet", sheet)
    statuses = call("finance", "tier.review", "read", ids, ["status"])
    assert [row["status"] for row in statuses] == ["approved", "approved", "pending"]
    for method in ("validate_tier", "reject_tier"):
        json_call("finance", call.uids["finance"], "hr.expense.sheet", method, [sheet])
    after = call("finance", "tier.review", "read", ids, ["status"])
    assert after[2]["status"] == "pending"
    # Positive control: General Management signs the last tier.
    sign(call, "gm", "hr.expense.sheet", sheet)
    after = call("gm", "tier.review", "read", ids, ["status"])
    assert after[2]["status"] == "approved"


def test_fin_06_fapiao_claimed_once_across_employees_over_rpc():
    """FIN-06: the technician does not claim the salesperson's demo fapiao
    again, in full-width digits, by create, write or import; another number
    goes through."""
    call = caller("tech")
    employee = own_employee(call, "tech")
    [product] = call(
        "tech", "product.product", "search", [("default_code", "=", "EXP-TAXI")]
    )
    full_width = "".join(chr(0xFF10 + int(digit)) for digit in "20481357")
    base = {"employee_id": employee, "product_id": product, "total_amount_currency": 9}
    refused(
        "FIN-06",
        call,
        "tech",
        "hr.expense",
        "create",
        dict(
            base,
            name="E2E 发票重复",
            dealer_fapiao_code="044031900111",
            dealer_fapiao_number=full_width,
        ),
    )
    # Positive control: a fapiao of his own.
    mine = call(
        "tech",
        "hr.expense",
        "create",
        dict(
            base,
            name="E2E 停车费",
            dealer_fapiao_code="044031900111",
            dealer_fapiao_number="20487777",
        ),
    )
    refused(
        "FIN-06",
        call,
        "tech",
        "hr.expense",
        "write",
        [mine],
        {"dealer_fapiao_number": full_width},
    )
    answer = call(
        "tech",
        "hr.expense",
        "load",
        [
            "name",
            "employee_id/.id",
            "product_id/.id",
            "total_amount_currency",
            "dealer_fapiao_code",
            "dealer_fapiao_number",
        ],
        [["E2E 导入", str(employee), str(product), "9", "044031900111", full_width]],
    )
    assert not answer["ids"]
    assert "FIN-06" in answer["messages"][0]["message"]
    [kept] = call("tech", "hr.expense", "read", [mine], ["dealer_fapiao_number"])
    assert kept["dealer_fapiao_number"] == "20487777"


def test_fin_08_pre_approval_spent_once_over_rpc():
    """FIN-08: a large claim without pre-approval is refused; General
    Management's pre-approval of 12,500 covers one claim of 12,000, not a
    second one."""
    call = caller("sales", "gm")
    first = claim(call, "sales", 12000, "E2E 展厅灯具一", voucher=True)
    second = claim(call, "sales", 12000, "E2E 展厅灯具二", voucher=True)
    refused("FIN-08", call, "sales", "hr.expense.sheet", "action_submit_sheet", [first])
    request = call(
        "sales",
        "dealer.expense.preapproval",
        "create",
        {
            "employee_id": own_employee(call, "sales"),
            "purpose": "展厅灯具更换",
            "amount": 12500,
        },
    )
    # request_validation returns the reviews: JSON-RPC.
    json_call(
        "sales",
        call.uids["sales"],
        "dealer.expense.preapproval",
        "request_validation",
        [request],
    )
    sign(call, "gm", "dealer.expense.preapproval", request)
    call(
        "sales",
        "hr.expense.sheet",
        "write",
        [first, second],
        {"dealer_preapproval_id": request},
    )
    # Positive control: the first claim goes to its approvals.
    json_call(
        "sales", call.uids["sales"], "hr.expense.sheet", "action_submit_sheet", [first]
    )
    refused(
        "FIN-08", call, "sales", "hr.expense.sheet", "action_submit_sheet", [second]
    )
    states = call("sales", "hr.expense.sheet", "read", [first, second], ["state"])
    assert [row["state"] for row in states] == ["submit", "draft"]


def test_fin_04_variance_not_written_away_over_rpc():
    """FIN-04: the office manager does not zero the demo review's unexplained
    variance to submit it without a comment; he explains it."""
    call = caller("lighting_mgr")
    # needs_comment is computed, not searchable: read it.
    lines = call(
        "lighting_mgr",
        "dealer.budget.review.line",
        "search_read",
        [("review_id.state", "=", "draft")],
        fields=["review_id", "variance_percent", "needs_comment"],
    )
    lines = [line for line in lines if line["needs_comment"]]
    assert lines
    line = lines[0]
    for vals in ({"variance": 0, "variance_percent": 0}, {"variance_percent": 1}):
        refused(
            "FIN-04",
            call,
            "lighting_mgr",
            "dealer.budget.review.line",
            "write",
            [line["id"]],
            vals,
        )
    refused(
        "FIN-04",
        call,
        "lighting_mgr",
        "dealer.budget.review",
        "action_submit",
        [line["review_id"][0]],
    )
    # Positive control: he writes why.
    call(
        "lighting_mgr",
        "dealer.budget.review.line",
        "write",
        [line["id"]],
        {"comment": "E2E 展会费用提前支付。"},
    )
    [after] = call(
        "lighting_mgr",
        "dealer.budget.review.line",
        "read",
        [line["id"]],
        ["variance_percent", "needs_comment"],
    )
    assert after["variance_percent"] == line["variance_percent"]


def test_fin_08_pre_approval_not_created_approved_over_rpc():
    """FIN-08: the salesperson does not create her pre-approval approved, with
    or without context keys; a context default does not preset it either."""
    call = caller("sales")
    keys = {
        "tracking_disable": True,
        "dealer_action": True,
        "skip_validation_check": True,
        "dealer_governed": "dealer_governed",
    }
    vals = {
        "employee_id": own_employee(call, "sales"),
        "purpose": "E2E 自批的事前审批",
        "amount": 50000,
    }
    for context in ({}, keys):
        refused(
            "FIN-08",
            call,
            "sales",
            "dealer.expense.preapproval",
            "create",
            dict(vals, state="approved"),
            context=context,
        )
    # Positive control: created as a draft, whatever the default asked.
    request = call(
        "sales",
        "dealer.expense.preapproval",
        "create",
        vals,
        context=dict(keys, default_state="approved"),
    )
    [created] = call(
        "sales", "dealer.expense.preapproval", "read", [request], ["state"]
    )
    assert created["state"] == "draft"
