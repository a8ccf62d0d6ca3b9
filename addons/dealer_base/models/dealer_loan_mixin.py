# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Request, grant and return of something lent for a limited time: archive
items (ADM-05). Not customer-file access (CUS-18 to CUS-21): that grant is
not returned by its holder nor reminded when overdue; it ends by itself at a
date and time, or is revoked, and lives in dealer_customer_file's own grant.

A model inherits ``dealer.loan.mixin`` (with ``dealer.approval.mixin`` when an
approval grants the loan) and sets ``_dealer_loan_rule``. Its approval calls
``_dealer_loan_grant()``; ``action_return()`` closes the loan; the scheduled
``_cron_dealer_loan_reminders()`` reminds the borrower of an overdue loan at
most once a day, safe when run twice and on two workers.
"""

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

LOAN_STATES = [
    ("draft", "Draft"),
    ("requested", "Requested"),
    ("granted", "Lent"),
    ("returned", "Returned"),
    ("refused", "Refused"),
    ("cancel", "Cancelled"),
]


class DealerLoanMixin(models.AbstractModel):
    _name = "dealer.loan.mixin"
    _inherit = ["dealer.governed.mixin"]
    _description = "Request, grant and return of a loan"

    # The manual's rule the loan carries out, named in refusals.
    _dealer_loan_rule = "ADM-05"
    _dealer_governed = {
        "borrower_id": "ADM-05",
        "state": "ADM-05",
        "date_granted": "ADM-05",
        "date_returned": "ADM-05",
        "last_reminder_date": "ADM-05",
    }

    borrower_id = fields.Many2one(
        "res.users",
        string="Borrower",
        required=True,
        index=True,
        readonly=True,
        default=lambda self: self.env.user,
    )
    date_due = fields.Date(
        string="Due date", required=True, tracking=True, help="Return by this day."
    )
    state = fields.Selection(
        LOAN_STATES,
        default="draft",
        required=True,
        readonly=True,
        index=True,
        tracking=True,
        copy=False,
    )
    date_granted = fields.Datetime(string="Lent on", readonly=True, copy=False)
    date_returned = fields.Datetime(string="Returned on", readonly=True, copy=False)
    last_reminder_date = fields.Date(
        string="Last overdue reminder", readonly=True, copy=False
    )
    is_overdue = fields.Boolean(
        string="Overdue", compute="_compute_is_overdue", search="_search_is_overdue"
    )

    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for loan in self:
            loan.is_overdue = loan.state == "granted" and loan.date_due < today

    @api.model
    def _search_is_overdue(self, operator, value):
        today = fields.Date.context_today(self)
        domain = [("state", "=", "granted"), ("date_due", "<", today)]
        positive = (operator == "=") == bool(value)
        return domain if positive else ["!", "&", *domain]

    def write(self, vals):
        if "date_due" in vals and not self._dealer_is_trusted():
            lent = self.filtered(lambda loan: loan.state not in ("draft",))
            if lent:
                raise UserError(
                    self.env._(
                        "%(loan)s: the due date is set before the request and "
                        "changes only by a new request (rule %(rule)s).",
                        loan=lent[0].display_name,
                        rule=self._dealer_loan_rule,
                    )
                )
        return super().write(vals)

    # ------------------------------------------------------------------ hooks
    def _dealer_loan_may_receive(self):
        """Whether the current user takes the loan back (the borrower returns
        it, or a custodian receives it). Models narrow or widen it."""
        self.ensure_one()
        return self.env.su or self.env.user == self.borrower_id

    def _dealer_loan_reminder_summary(self):
        """Summary of the overdue reminder (``_lt`` in the concrete model)."""
        return self.env._("Return this loan: it is overdue")

    def _dealer_loan_after_grant(self):
        """Called once the loans are granted."""

    def _dealer_loan_after_return(self):
        """Called once the loans are returned."""

    # ------------------------------------------------------------------ actions
    def _dealer_loan_grant(self):
        """The approval lends: call it only once the loan is approved."""
        self._dealer_as_action().with_context(skip_validation_check=True).write(
            {"state": "granted", "date_granted": fields.Datetime.now()}
        )
        self._dealer_loan_after_grant()

    def action_return(self):
        """The loan comes back: it is closed, its reminders done."""
        for loan in self:
            if loan.state != "granted":
                raise UserError(
                    self.env._(
                        "%(loan)s is not lent: only a lent item is returned "
                        "(rule %(rule)s).",
                        loan=loan.display_name,
                        rule=self._dealer_loan_rule,
                    )
                )
            if not loan._dealer_loan_may_receive():
                raise UserError(
                    self.env._(
                        "%(loan)s: only the borrower or the custodian records "
                        "the return (rule %(rule)s).",
                        loan=loan.display_name,
                        rule=self._dealer_loan_rule,
                    )
                )
        self._dealer_as_action().with_context(skip_validation_check=True).write(
            {"state": "returned", "date_returned": fields.Datetime.now()}
        )
        if "activity_ids" in self._fields:
            # sudo: whoever records the return closes the borrower's reminders.
            self.sudo().activity_ids.action_feedback(feedback=self.env._("Returned."))
        self._dealer_loan_after_return()
        return True

    # ------------------------------------------------------------------ job
    @api.model
    def _cron_dealer_loan_reminders(self):
        """Remind each borrower of an overdue loan, at most once per loan and
        day: the day is claimed in the row itself (a second run, or a second
        worker, claims nothing), then the activity is written."""
        today = fields.Date.context_today(self)
        self.flush_model(["state", "date_due", "last_reminder_date"])
        table = SQL.identifier(self._table)
        rows = self.env.execute_query(
            SQL(
                """
                UPDATE %(table)s SET last_reminder_date = %(today)s
                 WHERE id IN (
                    SELECT id FROM %(table)s
                     WHERE state = 'granted' AND date_due < %(today)s
                       AND (last_reminder_date IS NULL
                            OR last_reminder_date < %(today)s)
                     FOR UPDATE SKIP LOCKED)
                RETURNING id
                """,
                table=table,
                today=today,
            )
        )
        loans = self.browse([row[0] for row in rows])
        loans.invalidate_recordset(["last_reminder_date"])
        if "activity_ids" not in self._fields:
            return loans
        for loan in loans:
            # sudo: a job reminds the borrower, whatever the job's user reads.
            loan.sudo().activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=today,
                summary=loan._dealer_loan_reminder_summary(),
                user_id=loan.borrower_id.id,
            )
        return loans
