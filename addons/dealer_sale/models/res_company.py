# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    # SAL-09, SAL-20, SAL-25: contract review before confirmation.
    dealer_contract_review_amount = fields.Monetary(
        string="Contract review from (order total)",
        currency_field="currency_id",
        default=30000.0,
    )
    dealer_contract_legal_review = fields.Boolean(
        string="Legal review of sales contracts",
        default=True,
        help="Contracts under review also need a Legal Reviewer (SAL-20).",
    )
    dealer_contract_signed_required = fields.Boolean(
        string="Signed contract before confirmation", default=True
    )
    dealer_contract_copy_partner_id = fields.Many2one(
        "res.partner",
        string="Head office copy to",
        help="Follower who receives a copy of every confirmed contract (SAL-10).",
    )
    # SAL-12, SAL-13, SAL-26: collection escalation after the due date.
    dealer_collection_reminder_days = fields.Integer(
        string="Reminder after (days overdue)", default=1
    )
    dealer_collection_call_days = fields.Integer(
        string="Call after (days overdue)", default=7
    )
    dealer_collection_escalation_days = fields.Integer(
        string="Escalate to the manager after (days overdue)", default=30
    )
    # SAL-17, SAL-18: price approval and notice.
    dealer_price_notice_days = fields.Integer(
        string="Price change notice (days)",
        default=7,
        help="A price change takes effect at least this many days after its "
        "approval, so customers are told in advance (SAL-18).",
    )
    dealer_price_admin_percent = fields.Float(
        string="Administration approves changes above (%)", default=10.0
    )
    # SAL-16: channel partners evaluated periodically.
    dealer_channel_evaluation_months = fields.Integer(
        string="Channel partner evaluation every (months)", default=6
    )
