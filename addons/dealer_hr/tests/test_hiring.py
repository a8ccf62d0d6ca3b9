# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields
from odoo.exceptions import UserError

from .common import DealerHrCommon


class TestHiring(DealerHrCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.department = cls.env["hr.department"].create(
            {"name": "Business department", "company_id": cls.company.id}
        )
        cls.job = cls.env["hr.job"].create(
            {
                "name": "Salesperson",
                "department_id": cls.department.id,
                "company_id": cls.company.id,
            }
        )
        cls.job.with_user(cls.office_mgr).dealer_approved_headcount = 1
        cls.hired_stage = cls.env["hr.recruitment.stage"].search(
            [("hired_stage", "=", True)], limit=1
        )
        cls.website, cls.referral = cls.env["utm.source"].create(
            [{"name": "51job.com"}, {"name": "Internal referral"}]
        )
        cls.plan = cls._recruitment_plan(cls.job)
        cls.plan.with_user(cls.recruiter).action_submit()
        cls._approve(cls.plan, cls.gm)

    @classmethod
    def _recruitment_plan(cls, job, sources=None):
        today = fields.Date.today()
        return (
            cls.env["dealer.hr.recruitment.plan"]
            .with_user(cls.recruiter)
            .create(
                {
                    "job_id": job.id,
                    "company_id": cls.company.id,
                    "headcount": 1,
                    "requirements": "Two years of selling LED lighting.",
                    "source_ids": [
                        (6, 0, (sources or (cls.website | cls.referral)).ids)
                    ],
                    "date_from": today,
                    "date_to": today,
                }
            )
        )

    @classmethod
    def _approve(cls, record, user):
        action = record.with_user(user).validate_tier()
        if isinstance(action, dict):
            cls.env["comment.wizard"].with_user(user).with_context(
                **action["context"]
            ).create({"comment": "Agreed."}).add_comment()

    def _applicant(self, name="Zhao Lei"):
        candidate = (
            self.env["hr.candidate"]
            .with_user(self.recruiter)
            .create({"partner_name": name, "company_id": self.company.id})
        )
        return (
            self.env["hr.applicant"]
            .with_user(self.recruiter)
            .create(
                {
                    "candidate_id": candidate.id,
                    "job_id": self.job.id,
                    "company_id": self.company.id,
                    "source_id": self.website.id,
                }
            )
        )

    def _record_checks(self, applicant):
        applicant.write(
            {
                "dealer_interview_date": fields.Date.today(),
                "dealer_interviewer_id": self.recruiter.id,
                "dealer_interview_result": "passed",
                "dealer_test_done": True,
                "dealer_test_score": 82,
                "dealer_background_result": "clear",
            }
        )

    def test_hrm_03_no_hire_before_the_three_checks(self):
        """HRM-03: interview, written test and background check, all three,
        before the hired stage (or a hire date)."""
        applicant = self._applicant()
        with self.assertRaisesRegex(UserError, "HRM-03"):
            applicant.write({"stage_id": self.hired_stage.id})
        applicant.write(
            {
                "dealer_interview_date": fields.Date.today(),
                "dealer_interview_result": "passed",
                "dealer_test_done": True,
                "dealer_test_score": 75,
            }
        )
        with self.assertRaisesRegex(UserError, "background check"):
            applicant.write({"stage_id": self.hired_stage.id})
        with self.assertRaisesRegex(UserError, "HRM-03"):
            applicant.write({"date_closed": fields.Datetime.now()})
        applicant.dealer_background_result = "clear"
        applicant.write({"stage_id": self.hired_stage.id})
        self.assertTrue(applicant.date_closed)

    def test_hrm_03_no_employee_from_an_applicant_not_hired(self):
        """HRM-03: the recruiter does not make the employee from an applicant
        (or its candidate) before the hire; once hired, they do."""
        applicant = self._applicant()
        Employee = self.env["hr.employee"].with_context(active_test=False)
        before = Employee.search_count([])
        with self.assertRaisesRegex(UserError, "HRM-03"):
            applicant.create_employee_from_applicant()
        with self.assertRaisesRegex(UserError, "HRM-03"):
            applicant.candidate_id.with_user(
                self.recruiter
            ).create_employee_from_candidate()
        self._record_checks(applicant)
        with self.assertRaisesRegex(UserError, "not hired yet.*HRM-03"):
            applicant.create_employee_from_applicant()
        self.assertEqual(Employee.search_count([]), before)
        # Positive control: hired, an HR officer makes the employee.
        applicant.write({"stage_id": self.hired_stage.id})
        action = applicant.with_user(self.office_mgr).create_employee_from_applicant()
        employee = Employee.browse(action["res_id"])
        self.assertEqual(employee.job_id, self.job)

    def test_org_23_no_hire_beyond_headcount_without_decision(self):
        """ORG-23: the post's headcount is full: refused until the
        Administration Manager records a decision with a reason; the recruiter
        neither decides nor changes the headcount."""
        self.env["hr.employee"].create(
            {"name": "Li Na", "job_id": self.job.id, "company_id": self.company.id}
        )
        applicant = self._applicant()
        self._record_checks(applicant)
        with self.assertRaisesRegex(UserError, "ORG-23"):
            applicant.write({"stage_id": self.hired_stage.id})
        with self.assertRaisesRegex(UserError, "ORG-23"):
            applicant.action_dealer_allow_beyond_headcount()
        with self.assertRaisesRegex(UserError, "ORG-23"):
            self.job.with_user(self.recruiter).dealer_approved_headcount = 5
        manager_view = applicant.with_user(self.office_mgr)
        with self.assertRaisesRegex(UserError, "ORG-23"):
            manager_view.action_dealer_allow_beyond_headcount()
        manager_view.dealer_override_reason = (
            "Second salesperson for the Nanshan schools."
        )
        manager_view.action_dealer_allow_beyond_headcount()
        self.assertTrue(applicant.dealer_headcount_override)
        decision = applicant.dealer_decision_ids
        self.assertEqual(decision.kind, "headcount_override")
        self.assertEqual(decision.decided_by_id, self.office_mgr)
        self.assertEqual(decision.rule, "ORG-23")
        applicant.write({"stage_id": self.hired_stage.id})
        self.assertTrue(applicant.date_closed)

    def test_org_23_department_headcount(self):
        """ORG-23: the department's approved headcount counts too."""
        self.department.with_user(self.office_mgr).dealer_approved_headcount = 1
        self.job.with_user(self.office_mgr).dealer_approved_headcount = 0
        self.env["hr.employee"].create(
            {
                "name": "Wang Jianguo",
                "department_id": self.department.id,
                "company_id": self.company.id,
            }
        )
        applicant = self._applicant()
        self._record_checks(applicant)
        with self.assertRaisesRegex(UserError, "Business department"):
            applicant.write({"stage_id": self.hired_stage.id})

    def test_hrm_01_no_hire_without_an_approved_plan(self):
        """HRM-01: a post is recruited on an approved recruitment plan (post,
        headcount, requirements, channels, dates); the plan's author does not
        approve it; the approved plan sets the post's target and the hire is
        linked to it."""
        job = self.env["hr.job"].create(
            {
                "name": "Lighting technician",
                "department_id": self.department.id,
                "company_id": self.company.id,
            }
        )
        candidate = (
            self.env["hr.candidate"]
            .with_user(self.recruiter)
            .create({"partner_name": "Sun Mei", "company_id": self.company.id})
        )
        applicant = (
            self.env["hr.applicant"]
            .with_user(self.recruiter)
            .create(
                {
                    "candidate_id": candidate.id,
                    "job_id": job.id,
                    "company_id": self.company.id,
                    "source_id": self.referral.id,
                }
            )
        )
        self._record_checks(applicant)
        with self.assertRaisesRegex(UserError, "HRM-01"):
            applicant.write({"stage_id": self.hired_stage.id})
        plan = self._recruitment_plan(job)
        plan.with_user(self.recruiter).requirements = False
        with self.assertRaisesRegex(UserError, "HRM-01"):
            plan.with_user(self.recruiter).action_submit()
        plan.with_user(self.recruiter).requirements = "Commissioning of LED drivers."
        plan.with_user(self.recruiter).headcount = 2
        plan.with_user(self.recruiter).action_submit()
        with self.assertRaisesRegex(UserError, "HRM-01"):
            plan.with_user(self.recruiter).headcount = 5
        # Still under approval: no hire yet.
        with self.assertRaisesRegex(UserError, "HRM-01"):
            applicant.write({"stage_id": self.hired_stage.id})
        self._approve(plan, self.gm)
        self.assertEqual(plan.state, "approved")
        self.assertEqual(job.no_of_recruitment, 2)
        applicant.write({"stage_id": self.hired_stage.id})
        self.assertEqual(applicant.dealer_recruitment_plan_id, plan)
        self.assertIn(applicant, plan.applicant_ids)

    def test_hrm_02_several_channels_and_the_applicant_s_channel(self):
        """HRM-02: a plan names at least the company's number of channels; an
        applicant is hired only with the channel recorded."""
        job = self.env["hr.job"].create(
            {"name": "Sales assistant", "company_id": self.company.id}
        )
        plan = self._recruitment_plan(job, sources=self.website)
        with self.assertRaisesRegex(UserError, "HRM-02"):
            plan.with_user(self.recruiter).action_submit()
        plan.with_user(self.recruiter).source_ids = [(4, self.referral.id)]
        plan.with_user(self.recruiter).action_submit()
        applicant = self._applicant()
        applicant.source_id = False
        self._record_checks(applicant)
        with self.assertRaisesRegex(UserError, "HRM-02"):
            applicant.write({"stage_id": self.hired_stage.id})
        applicant.source_id = self.referral
        applicant.write({"stage_id": self.hired_stage.id})
        self.assertTrue(applicant.date_closed)

    def test_hrm_03_written_test_score_from_the_interview_form(self):
        """HRM-03 on hr_recruitment_survey: the post's interview form is the
        written test; the applicant's completed answer gives the score, and the
        hiring check counts it as taken."""
        survey = self.env["survey.survey"].create(
            {
                "title": "Salesperson written test",
                "scoring_type": "scoring_with_answers",
                "question_and_page_ids": [
                    (
                        0,
                        0,
                        {
                            "title": "Colour temperature of warm white?",
                            "question_type": "simple_choice",
                            "suggested_answer_ids": [
                                (
                                    0,
                                    0,
                                    {
                                        "value": "3000 K",
                                        "is_correct": True,
                                        "answer_score": 10,
                                    },
                                ),
                                (0, 0, {"value": "6500 K", "answer_score": 0}),
                            ],
                        },
                    )
                ],
            }
        )
        self.job.survey_id = survey
        applicant = self._applicant()
        self.assertFalse(applicant.dealer_test_done)
        question = survey.question_ids
        answer = self.env["survey.user_input"].create(
            {"survey_id": survey.id, "applicant_id": applicant.id}
        )
        self.env["survey.user_input.line"].create(
            {
                "user_input_id": answer.id,
                "question_id": question.id,
                "answer_type": "suggestion",
                "suggested_answer_id": question.suggested_answer_ids[0].id,
            }
        )
        self.assertFalse(applicant.dealer_test_done)
        answer._mark_done()
        self.assertTrue(applicant.dealer_test_done)
        self.assertEqual(applicant.dealer_test_score, 100.0)
        self.assertEqual(applicant.survey_id, survey)
        applicant.write(
            {
                "dealer_interview_date": fields.Date.today(),
                "dealer_interview_result": "passed",
                "dealer_background_result": "clear",
            }
        )
        applicant.write({"stage_id": self.hired_stage.id})
        self.assertTrue(applicant.date_closed)

    def test_policy_off_keeps_core_hiring(self):
        """A company that does not run by the manual hires as core Odoo does:
        no plan, channel or checks asked."""
        self.company.dealer_policy_manual = False
        job = self.env["hr.job"].create(
            {"name": "Driver", "company_id": self.company.id}
        )
        candidate = self.env["hr.candidate"].create(
            {"partner_name": "Qian Bo", "company_id": self.company.id}
        )
        applicant = (
            self.env["hr.applicant"]
            .with_user(self.recruiter)
            .create(
                {
                    "candidate_id": candidate.id,
                    "job_id": job.id,
                    "company_id": self.company.id,
                }
            )
        )
        applicant.write({"stage_id": self.hired_stage.id})
        self.assertTrue(applicant.date_closed)
