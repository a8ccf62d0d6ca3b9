# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import POLICY_MANUAL, policy_field


class ResCompany(models.Model):
    _inherit = "res.company"

    # Every rule of the dealer addons holds only for a company that runs by
    # the manual: another company of the same database keeps Odoo's own
    # behaviour (issue 18, ``make compat``).
    dealer_policy_manual = policy_field(
        POLICY_MANUAL,
        "Runs by the management manual",
        "The rules of the management manual hold for this company. Switched off, "
        "the dealer addons leave its documents to Odoo's own behaviour; a company "
        "created later follows the company it is created from.",
    )

    # ADM-24: the manual is owned by the general manager's office and revised
    # periodically; ADM-25: each revision carries a document code and a date.
    dealer_manual_owner_id = fields.Many2one(
        "res.users",
        string="Manual owner",
        help="Keeps the Management Manual up to date and announces its revisions.",
    )
    dealer_manual_revision = fields.Char(
        string="Manual revision", help="Document code of the current revision."
    )
    dealer_manual_revision_date = fields.Date(string="Revised on")
    dealer_manual_review_months = fields.Integer(
        string="Review every (months)",
        default=12,
        help="Months between two reviews of the Management Manual.",
    )
    dealer_manual_next_review_date = fields.Date(
        string="Next review", compute="_compute_dealer_manual_next_review_date"
    )

    @api.depends("dealer_manual_revision_date", "dealer_manual_review_months")
    def _compute_dealer_manual_next_review_date(self):
        for company in self:
            revised = company.dealer_manual_revision_date
            company.dealer_manual_next_review_date = revised and (
                revised + relativedelta(months=company.dealer_manual_review_months)
            )

    @api.constrains("dealer_manual_review_months")
    def _check_dealer_manual_review_months(self):
        if any(company.dealer_manual_review_months < 1 for company in self):
            raise ValidationError(
                self.env._(
                    "Review every (months) must be at least 1: the manual is "
                    "revised periodically (rule ADM-24)."
                )
            )

    def _dealer_compliance_adm_24(self, companies, date_from, date_to):
        """ADM-24 compliance check (the registry's, AUD-05): companies whose
        manual was due for its review by the end of the period, or never
        revised. Companies are few: read in one query, compared in Python."""
        overdue = companies.filtered(
            lambda company: not company.dealer_manual_revision_date
            or company.dealer_manual_next_review_date
            < min(date_to, fields.Date.context_today(self))
        )
        return {"count": len(overdue), "domain": [("id", "in", overdue.ids)]}

    # ------------------------------------------------------------------ ORG-01
    # Department routing (DESIGN: dealer_base answers "who heads department X
    # in company C" for every addon that routes a review or an activity).

    def _dealer_department_heads(self, department):
        """The heads of ``department`` (a key of tools.DEPARTMENTS) in this
        company: the members of its manager group, else the company's
        Administration heads (ORG-01). The administrator and the superuser, who
        are in every group, come only when nobody else does."""
        self.ensure_one()
        keys = (department, "administration") if department else ("administration",)
        placeholders = self.env.ref("base.user_admin") | self.env.ref("base.user_root")
        fallback = self.env["res.users"]
        for key in keys:
            # sudo: group membership is not readable by every user, while routing
            # a review to a head is what every user's action needs.
            group = self.env.ref(f"dealer_base.group_{key}_manager").sudo()
            heads = group.users.filtered(
                lambda user: self in user.company_ids and not user.share
            )
            if heads - placeholders:
                return (heads - placeholders).sorted("id").sudo(False)
            fallback = fallback or heads
        return fallback.sorted("id").sudo(False)

    def _dealer_department_head(self, department):
        """One head of ``department`` for an activity: the first of them."""
        return self._dealer_department_heads(department)[:1]
