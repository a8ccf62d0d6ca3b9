# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    dealer_expense_large_amount = fields.Monetary(
        string="Large expense from",
        currency_field="currency_id",
        default=10000.0,
        help="A claim above this total is a large expense (FIN-08): it needs an "
        "approved pre-approval before the claim and General Management's "
        "approval. Zero: no claim is large.",
    )
    dealer_expense_attachment_amount = fields.Monetary(
        string="Voucher required above",
        currency_field="currency_id",
        default=200.0,
        help="An expense above this amount is submitted only with its voucher "
        "attached (FIN-06).",
    )
    dealer_travel_report_days = fields.Integer(
        string="Travel report due (days)",
        default=3,
        help="A traveller submits the travel report this many days after returning "
        "(ADM-13); one reminder when it is overdue.",
    )
    dealer_budget_review_months = fields.Integer(
        string="Budget review every (months)",
        default=1,
        help="The period of the budget review (FIN-04): a review of each "
        "department with an approved budget is opened once the period is over.",
    )
    dealer_budget_variance_percent = fields.Float(
        string="Variance to explain above (%)",
        default=10.0,
        help="A budget review line whose variance exceeds this percentage of its "
        "budget needs a comment before the review is submitted (FIN-04).",
    )
