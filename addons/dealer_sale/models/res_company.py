# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import math

from odoo import api, fields, models
from odoo.exceptions import ValidationError

# Settings a rule decides a document's review from, and the stored fields that
# keep the decision: saving them reaches documents still open, never those
# past the governed step (settings apply forward).
_SALE_REVIEW_SETTINGS = {
    "dealer_contract_review_amount",
    "dealer_contract_legal_review",
}
_PRICE_REVIEW_SETTINGS = {"dealer_price_admin_percent"}


class ResCompany(models.Model):
    _inherit = "res.company"

    # SAL-09, SAL-20, SAL-25: every sales contract is reviewed before it is
    # signed; a company may raise the total from which it is.
    dealer_contract_review_amount = fields.Monetary(
        string="Contract review from (order total)",
        currency_field="currency_id",
        default=0.0,
        help="Orders from this total are reviewed before confirmation; zero, the "
        "manual's rule, reviews every contract (SAL-09, SAL-20, SAL-25).",
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
    # SAL-18: who is told of a price change (issue 18: a setting, not 12).
    dealer_price_customer_months = fields.Integer(
        string="Customers who bought in the last (months)",
        default=12,
        help="A price change is announced to the customers who bought the "
        "product in this many months (SAL-18).",
    )
    # SAL-12: an overdue invoice with no salesperson still reaches someone.
    dealer_collection_user_id = fields.Many2one(
        "res.users",
        string="Collection fallback assignee",
        default=lambda self: self.env.ref("base.user_admin", raise_if_not_found=False),
        help="Gets the collection activities of an overdue invoice that has no "
        "salesperson (SAL-12).",
    )

    @api.constrains(
        "dealer_contract_review_amount",
        "dealer_collection_reminder_days",
        "dealer_collection_call_days",
        "dealer_collection_escalation_days",
        "dealer_price_notice_days",
        "dealer_price_admin_percent",
        "dealer_channel_evaluation_months",
        "dealer_price_customer_months",
    )
    def _check_dealer_sale_settings(self):
        minimum = {
            "dealer_contract_review_amount": (0, "SAL-09"),
            "dealer_collection_reminder_days": (0, "SAL-12"),
            "dealer_collection_call_days": (0, "SAL-12"),
            "dealer_collection_escalation_days": (0, "SAL-12"),
            "dealer_price_notice_days": (0, "SAL-18"),
            "dealer_price_admin_percent": (0, "SAL-17"),
            "dealer_channel_evaluation_months": (1, "SAL-16"),
            "dealer_price_customer_months": (1, "SAL-18"),
        }
        for company in self:
            for fname, (low, rule) in minimum.items():
                value = company[fname]
                if not math.isfinite(value) or value < low:
                    raise ValidationError(
                        self.env._(
                            "%(field)s must be a number of at least %(low)s "
                            "(%(rule)s).",
                            field=self._fields[fname]._description_string(self.env),
                            low=low,
                            rule=rule,
                        )
                    )
            steps = (
                company.dealer_collection_reminder_days,
                company.dealer_collection_call_days,
                company.dealer_collection_escalation_days,
            )
            if list(steps) != sorted(steps):
                raise ValidationError(
                    self.env._(
                        "Collection steps come in order: reminder, call, then "
                        "escalation to the manager (SAL-12)."
                    )
                )

    def write(self, vals):
        res = super().write(vals)
        if vals.keys() & _SALE_REVIEW_SETTINGS:
            # sudo: the settings reach every open quotation of the company,
            # whoever sells it.
            orders = (
                self.env["sale.order"]
                .sudo()
                .search(
                    [
                        ("company_id", "in", self.ids),
                        ("state", "in", ("draft", "sent")),
                        ("review_ids", "=", False),
                    ]
                )
            )
            for fname in (
                "dealer_contract_review_required",
                "dealer_legal_review_required",
            ):
                self.env.add_to_compute(orders._fields[fname], orders)
        if vals.keys() & _PRICE_REVIEW_SETTINGS:
            # sudo: as above, for every draft price change not yet reviewed.
            changes = (
                self.env["dealer.price.change"]
                .sudo()
                .search(
                    [
                        ("company_id", "in", self.ids),
                        ("state", "=", "draft"),
                        ("review_ids", "=", False),
                    ]
                )
            )
            for fname in ("change_percent", "admin_approval_required"):
                self.env.add_to_compute(changes._fields[fname], changes)
        return res
