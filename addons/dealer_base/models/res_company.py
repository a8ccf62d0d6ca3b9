# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

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
