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
