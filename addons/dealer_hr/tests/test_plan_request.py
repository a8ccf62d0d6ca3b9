# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields
from odoo.exceptions import UserError

from .common import DealerHrCommon


class TestPlanRequest(DealerHrCommon):
    """Recruitment and training plans are approval requests of
    dealer_approval that have no cancellation: a draft is deleted, a
    submitted plan is rejected by its reviewer (issue 18)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        job = cls.env["hr.job"].create(
            {"name": "Technician", "company_id": cls.company.id}
        )
        today = fields.Date.today()
        cls.recruitment = (
            cls.env["dealer.hr.recruitment.plan"]
            .with_user(cls.recruiter)
            .create(
                {
                    "job_id": job.id,
                    "company_id": cls.company.id,
                    "headcount": 1,
                    "date_from": today,
                    "date_to": today,
                }
            )
        )
        cls.training = (
            cls.env["dealer.hr.training.plan"]
            .with_user(cls.hr_officer)
            .create({"name": "Training plan 2028", "company_id": cls.company.id})
        )

    def test_hrm01_a_recruitment_plan_is_not_cancelled(self):
        with self.assertRaisesRegex(UserError, "HRM-01"):
            self.recruitment.with_user(self.recruiter).action_cancel()
        self.assertEqual(self.recruitment.state, "draft")
        # Positive control: its author deletes the draft.
        self.recruitment.with_user(self.recruiter).unlink()
        self.assertFalse(self.recruitment.exists())

    def test_hrm09_a_training_plan_is_not_cancelled(self):
        with self.assertRaisesRegex(UserError, "HRM-09"):
            self.training.with_user(self.hr_officer).action_cancel()
        self.assertEqual(self.training.state, "draft")
        self.training.with_user(self.hr_officer).unlink()
        self.assertFalse(self.training.exists())
