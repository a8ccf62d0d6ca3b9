# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.translate import LazyTranslate

from odoo.addons.dealer_base.tools import has_words, policy_records

COLLECTION_STEPS = [
    ("none", "Not overdue"),
    ("reminder", "Reminder sent"),
    ("call", "Customer called"),
    ("escalated", "Escalated to the manager"),
]

_lt = LazyTranslate(__name__)


class AccountMove(models.Model):
    _name = "account.move"
    _inherit = ["account.move", "dealer.governed.mixin"]

    # SAL-12: how far the collection went is set by the scheduled action, each
    # step once; a write would skip a reminder or the manager's escalation.
    _dealer_governed = {"dealer_collection_step": "SAL-12"}

    dealer_collection_step = fields.Selection(
        COLLECTION_STEPS,
        string="Collection step",
        default="none",
        copy=False,
        tracking=True,
        help="How far the collection of this overdue invoice has gone (SAL-12).",
    )
    dealer_payment_difficulty = fields.Text(
        string="Payment difficulty",
        copy=False,
        tracking=True,
        help="Why the customer cannot pay, reported to the Sales Manager (SAL-13).",
    )

    def _dealer_collection_plan(self):
        """(step, days overdue, activity summary, to the manager?) in order."""
        self.ensure_one()
        company = self.company_id
        # Lazy: written in the assignee's language when scheduled.
        _ = _lt
        return [
            (
                "reminder",
                company.dealer_collection_reminder_days,
                _("Send a payment reminder"),
                False,
            ),
            (
                "call",
                company.dealer_collection_call_days,
                _("Call the customer about the payment"),
                False,
            ),
            (
                "escalated",
                company.dealer_collection_escalation_days,
                _("Overdue payment escalated: agree a solution with Finance"),
                True,
            ),
        ]

    @api.model
    def _cron_dealer_collection(self):
        """SAL-12: one activity per step as an invoice stays unpaid; safe to run
        twice (each step once)."""
        today = fields.Date.context_today(self)
        invoices = self.search(
            [
                ("move_type", "=", "out_invoice"),
                ("state", "=", "posted"),
                ("payment_state", "in", ("not_paid", "partial")),
                ("invoice_date_due", "<", today),
            ]
        )
        order = [step for step, _label in COLLECTION_STEPS]
        # A company off the manual collects as it sees fit (issue 18).
        for invoice in policy_records(invoices):
            overdue = (today - invoice.invoice_date_due).days
            for step, days, summary, to_manager in invoice._dealer_collection_plan():
                if overdue < days or order.index(
                    invoice.dealer_collection_step
                ) >= order.index(step):
                    continue
                user = invoice.invoice_user_id or invoice.partner_id.user_id
                if to_manager:
                    user = invoice.company_id._dealer_department_head("sales") or user
                invoice.activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=summary,
                    note=_lt(
                        "%(invoice)s is %(days)s days overdue (%(amount)s due).",
                        invoice=invoice.name,
                        days=overdue,
                        amount=invoice.amount_residual,
                    ),
                    user_id=(
                        user
                        or invoice.company_id.dealer_collection_user_id
                        or self.env.user
                    ).id,
                    date_deadline=today,
                )
                invoice._dealer_as_action().write({"dealer_collection_step": step})
        return True

    def action_dealer_report_difficulty(self):
        """SAL-13: tell the Sales Manager that the customer has difficulty paying."""
        for invoice in self:
            if not has_words(invoice.dealer_payment_difficulty):
                raise UserError(
                    self.env._(
                        "%s: describe the customer's difficulty first (SAL-13).",
                        invoice.name,
                    )
                )
            manager = invoice.company_id._dealer_department_head("sales")
            # Sales staff report on their customers' invoices without accounting
            # rights on them.
            invoice.sudo().activity_schedule(
                "mail.mail_activity_data_todo",
                summary=_lt("Customer has difficulty paying %s", invoice.name),
                note=invoice.dealer_payment_difficulty,
                user_id=(manager or self.env.user).id,
                date_deadline=fields.Date.context_today(self) + timedelta(days=1),
            )
        return True
