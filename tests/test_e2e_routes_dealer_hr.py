"""End-to-end: the hiring rules over the external API (issue 24), as the
office clerk who recruits, against the served demo database: no employee is
made from an applicant before the hire, no hire before the post's recruitment
plan is approved; with the plan approved by General Management and the checks
recorded, the hire and the employee go through."""

import datetime

import pytest
from test_e2e import URL, caller, refused, sign

pytestmark = pytest.mark.skipif(not URL, reason="no served database (run make test)")


def test_hrm_03_no_employee_before_the_hire_over_rpc():
    """HRM-03: the demo applicant in interview is not made an employee, from
    the applicant or from its candidate."""
    call = caller("office")
    [applicant] = call(
        "office",
        "hr.applicant",
        "search_read",
        [("job_id.name", "=", "业务员（商务代表）"), ("date_closed", "=", False)],
        fields=["candidate_id"],
        limit=1,
    )
    employees = call("office", "hr.employee", "search_count", [])
    refused(
        "HRM-03",
        call,
        "office",
        "hr.applicant",
        "create_employee_from_applicant",
        [applicant["id"]],
    )
    refused(
        "HRM-03",
        call,
        "office",
        "hr.candidate",
        "create_employee_from_candidate",
        [applicant["candidate_id"][0]],
    )
    assert call("office", "hr.employee", "search_count", []) == employees


def test_hrm_01_no_hire_before_the_plan_is_approved_over_rpc():
    """HRM-01, HRM-03: an applicant with every check recorded on a post
    without an approved recruitment plan is not hired; once General
    Management approved the plan, the clerk hires and makes the employee."""
    call = caller("office", "gm")
    today = datetime.date.today().isoformat()
    job = call("office", "hr.job", "create", {"name": "E2E 照明调试工程师"})
    sources = call("office", "utm.source", "search", [], limit=2)
    source = sources[0]
    candidate = call("office", "hr.candidate", "create", {"partner_name": "E2E 孙梅"})
    applicant = call(
        "office",
        "hr.applicant",
        "create",
        {
            "candidate_id": candidate,
            "job_id": job,
            "source_id": source,
            "dealer_interview_date": today,
            "dealer_interviewer_id": call.uids["office"],
            "dealer_interview_result": "passed",
            "dealer_test_done": True,
            "dealer_test_score": 80,
            "dealer_background_result": "clear",
        },
    )
    [hired] = call(
        "office",
        "hr.recruitment.stage",
        "search",
        [("hired_stage", "=", True)],
        limit=1,
    )
    refused(
        "HRM-01",
        call,
        "office",
        "hr.applicant",
        "write",
        [applicant],
        {"stage_id": hired},
    )
    refused(
        "HRM-01",
        call,
        "office",
        "hr.applicant",
        "create_employee_from_applicant",
        [applicant],
    )
    plan = call(
        "office",
        "dealer.hr.recruitment.plan",
        "create",
        {
            "job_id": job,
            "headcount": 1,
            "requirements": "两年以上 LED 驱动调试经验。",
            "source_ids": [(6, 0, sources)],
            "date_from": today,
            "date_to": today,
        },
    )
    call("office", "dealer.hr.recruitment.plan", "action_submit", [plan])
    refused(
        "HRM-01",
        call,
        "office",
        "dealer.hr.recruitment.plan",
        "write",
        [plan],
        {"state": "approved"},
    )
    sign(call, "gm", "dealer.hr.recruitment.plan", plan)
    # Positive control: hired on the approved plan, then made an employee.
    call("office", "hr.applicant", "write", [applicant], {"stage_id": hired})
    answer = call(
        "office", "hr.applicant", "create_employee_from_applicant", [applicant]
    )
    [employee] = call("office", "hr.employee", "read", [answer["res_id"]], ["job_id"])
    assert employee["job_id"][0] == job


def test_hrm_01_hrm_09_kept_plans_not_deleted_over_rpc():
    """HRM-01, HRM-09: the office clerk does not delete the demo's approved
    recruitment plan nor its training plan; her own draft plan she does."""
    call = caller("office")
    recruitment = call(
        "office",
        "dealer.hr.recruitment.plan",
        "search_read",
        [("state", "=", "approved")],
        fields=["job_id"],
        limit=1,
    )
    training = call(
        "office",
        "dealer.hr.training.plan",
        "search",
        [("state", "!=", "draft")],
        limit=1,
    )
    assert recruitment and training
    refused(
        "HRM-01",
        call,
        "office",
        "dealer.hr.recruitment.plan",
        "unlink",
        [recruitment[0]["id"]],
    )
    refused("HRM-09", call, "office", "dealer.hr.training.plan", "unlink", training)
    # Positive control: a draft plan goes.
    draft = call(
        "office",
        "dealer.hr.recruitment.plan",
        "create",
        {
            "job_id": recruitment[0]["job_id"][0],
            "headcount": 1,
            "date_from": "2031-01-01",
            "date_to": "2031-03-31",
        },
    )
    call("office", "dealer.hr.recruitment.plan", "unlink", [draft])


def test_hrm_09_hrm_11_session_not_created_started_or_closed_over_rpc():
    """HRM-09, HRM-11: the Administration Manager does not create a training
    session already running on the demo's training plan still waiting for
    General Management, nor, once it is approved, one already closed without
    its evaluation; with the evaluation, she does."""
    call = caller("office_mgr", "gm")
    [line] = call(
        "office_mgr",
        "dealer.hr.training.plan.line",
        "search_read",
        [("plan_id.state", "=", "submitted")],
        fields=["course_id", "plan_id"],
        limit=1,
    )
    [authorizer] = call(
        "office_mgr",
        "hr.employee",
        "search",
        [("user_id", "=", call.uids["office_mgr"])],
    )
    today = datetime.date.today().isoformat()
    vals = {
        "name": "E2E 产品知识培训",
        "course_id": line["course_id"][0],
        "cost": 0,
        "authorized_by": authorizer,
        "start_date": today,
        "end_date": today,
        "dealer_plan_line_id": line["id"],
    }
    model = "hr.course.schedule"
    refused(
        "HRM-09", call, "office_mgr", model, "create", dict(vals, state="in_progress")
    )
    plan = line["plan_id"][0]
    sign(call, "gm", "dealer.hr.training.plan", plan)
    refused(
        "HRM-11", call, "office_mgr", model, "create", dict(vals, state="completed")
    )
    # Positive control: closed with its evaluation recorded.
    session = call(
        "office_mgr",
        model,
        "create",
        dict(
            vals,
            state="completed",
            dealer_evaluation_method="feedback",
            dealer_evaluation="<p>E2E 学员反馈良好。</p>",
            dealer_evaluation_date=today,
        ),
    )
    [closed] = call("office_mgr", model, "read", [session], ["state"])
    assert closed["state"] == "completed"
