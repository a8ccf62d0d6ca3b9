# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _lt, models
from odoo.tools import html2plaintext

from odoo.addons.dealer_base.tools import policy_records


class HrAppraisal(models.Model):
    _inherit = "hr.appraisal"

    def action_done(self):
        res = super().action_done()
        self._dealer_training_needs()
        return res

    def _dealer_training_needs(self):
        """HRM-19: an appraisal closed with the outcome "training" leaves a
        training need for the next training plan, once, and reminds the
        Administration head who prepares that plan."""
        appraisals = policy_records(self).filtered(
            lambda a: a.dealer_outcome == "training"
        )
        if not appraisals:
            return
        Need = self.env["dealer.hr.training.need"].sudo()
        known = set(
            Need.search([("appraisal_id", "in", appraisals.ids)]).appraisal_id.ids
        )
        for appraisal in appraisals.filtered(lambda a: a.id not in known):
            reason = "\n".join(
                filter(
                    None,
                    [
                        appraisal.dealer_outcome_note,
                        html2plaintext(appraisal.dealer_improvement_plan or ""),
                    ],
                )
            )
            # sudo: closing the appraisal files the need; the reviewer does not
            # hold training rights.
            need = Need.create(
                {
                    "employee_id": appraisal.employee_id.id,
                    "company_id": (appraisal.company_id or self.env.company).id,
                    "appraisal_id": appraisal.id,
                    "reason": reason or False,
                }
            )
            head = need.company_id._dealer_department_head("administration")
            if head:
                need.activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=_lt(
                        "Plan this training need in the next training plan (HRM-19)"
                    ),
                    user_id=head.id,
                )
            appraisal.message_post(body=self.env._("Training need filed (HRM-19)."))
