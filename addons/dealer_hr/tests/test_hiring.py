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
