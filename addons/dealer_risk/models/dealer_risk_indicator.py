# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

from odoo.addons.dealer_base.tools import period_of

from .dealer_risk import RISK_MANAGERS

# What an indicator reads. Another addon adds its codes with selection_add and
# computes them in an override of _dealer_compute_value().
INDICATOR_CODES = [
    ("overdue_receivables", "Overdue receivables"),
    ("complaint_rate", "Complaint rate"),
    ("manual", "Entered by hand"),
]


class DealerRiskIndicator(models.Model):
    """A key risk indicator (RSK-02, RSK-07 monitoring): a figure read from the
    company's data, compared with a limit by a scheduled job; beyond it, the
    linked risk gets one review per period."""

    _name = "dealer.risk.indicator"
    _description = "Key Risk Indicator"
    _inherit = ["mail.thread", "dealer.governed.mixin"]
    _order = "breached desc, name"
    _check_company_auto = True

    _dealer_governed = {
        "value": "RSK-07",
        "value_date": "RSK-07",
        "breached": "RSK-07",
        "available": "RSK-07",
        "last_breach_period": "RSK-07",
    }

    name = fields.Char(required=True)
    code = fields.Selection(
        INDICATOR_CODES,
        required=True,
        default="manual",
        help="What the indicator reads. Complaint rate is provided by the "
        "after-sales addons when they are installed.",
    )
    risk_id = fields.Many2one(
        "dealer.risk", required=True, index=True, check_company=True, tracking=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda s: s.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    limit = fields.Float(required=True, tracking=True)
    direction = fields.Selection(
        [("above", "Above the limit"), ("below", "Below the limit")],
        string="Alert when",
        required=True,
        default="above",
        tracking=True,
    )
    manual_value = fields.Float(
        string="Value entered", help="For indicators entered by hand."
    )
    value = fields.Float(readonly=True, copy=False)
    value_date = fields.Datetime(string="Read on", readonly=True, copy=False)
    available = fields.Boolean(
        default=True,
        readonly=True,
        copy=False,
        help="False when no installed addon computes this indicator.",
    )
    breached = fields.Boolean(
        string="Beyond the limit", readonly=True, copy=False, index=True
    )
    last_breach_period = fields.Char(readonly=True, copy=False)
    active = fields.Boolean(default=True)
    note = fields.Text()

    @api.constrains("limit", "code", "direction")
    def _check_limit(self):
        for indicator in self:
            if indicator.limit < 0 and indicator.code != "manual":
                raise ValidationError(
                    self.env._(
                        "%(name)s: the limit cannot be negative (rule RSK-02).",
                        name=indicator.name,
                    )
                )

    # ------------------------------------------------------------------ values
    def _dealer_compute_value(self):
        """The indicator's current value, or None when nothing installed
        computes its code. Addons that own the data add their codes here
        (selection_add on ``code``, then this method for their code)."""
        self.ensure_one()
        if self.code == "overdue_receivables":
            return self._dealer_value_overdue_receivables()
        if self.code == "manual":
            return self.manual_value
        return None

    def _dealer_value_overdue_receivables(self):
        """Open receivables of the company past their due date, in the company
        currency (Accounting, when installed)."""
        if "account.move.line" not in self.env:
            return None
        today = fields.Date.context_today(self)
        # sudo: the indicator shows the company's total, not the entries, to
        # people who watch risks without an accounting role.
        [[total]] = (
            self.env["account.move.line"]
            .sudo()
            ._read_group(
                [
                    ("company_id", "=", self.company_id.id),
                    ("account_id.account_type", "=", "asset_receivable"),
                    ("parent_state", "=", "posted"),
                    ("reconciled", "=", False),
                    ("date_maturity", "<", today),
                ],
                aggregates=["amount_residual:sum"],
            )
        )
        return total or 0.0

    # ------------------------------------------------------------------ job
    @api.model
    def _cron_evaluate(self):
        """Scheduled: read every indicator and raise the reviews (RSK-07). Safe
        on two workers: each indicator is read by the worker that locked it."""
        return self.search([])._dealer_evaluate()

    def _dealer_lock(self):
        if not self:
            return self
        self.env.cr.execute(
            SQL(
                "SELECT id FROM dealer_risk_indicator WHERE id IN %s "
                "FOR UPDATE SKIP LOCKED",
                tuple(self.ids),
            )
        )
        return self.browse([row[0] for row in self.env.cr.fetchall()])

    def _dealer_evaluate(self):
        """Read each indicator; one beyond its limit opens one review of its
        risk per period of the company (not one per run)."""
        now = fields.Datetime.now()
        today = fields.Date.context_today(self)
        locked = self._dealer_lock()
        # Fresh values after the lock: another worker may have just written.
        locked.invalidate_recordset()
        for indicator in locked:
            value = indicator._dealer_compute_value()
            if value is None:
                indicator._dealer_as_action().write(
                    {"available": False, "value_date": now}
                )
                continue
            if indicator.direction == "above":
                breached = value > indicator.limit
            else:
                breached = value < indicator.limit
            vals = {
                "value": value,
                "value_date": now,
                "available": True,
                "breached": breached,
            }
            key = period_of(today, indicator.company_id.dealer_risk_indicator_months)[0]
            if breached and indicator.last_breach_period != key:
                vals["last_breach_period"] = key
                # sudo: the job raises the review of any risk it watches.
                indicator.risk_id.sudo()._dealer_raise_review(
                    self.env._(
                        "%(indicator)s is %(value)s, beyond its limit %(limit)s",
                        indicator=indicator.name,
                        value=round(value, 2),
                        limit=indicator.limit,
                    )
                )
            indicator._dealer_as_action().write(vals)
        return locked

    def action_evaluate(self):
        """Read the indicators now (Administration Manager, General
        Management)."""
        user = self.env.user
        if not any(user.has_group(group) for group in RISK_MANAGERS):
            raise ValidationError(
                self.env._(
                    "Only the Administration Manager or General Management read "
                    "indicators by hand (rule RSK-07)."
                )
            )
        self._dealer_evaluate()
        return True
