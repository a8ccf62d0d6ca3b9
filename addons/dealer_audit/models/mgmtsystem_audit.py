# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, datetime

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

KINDS = [("comprehensive", "Comprehensive"), ("special", "Special")]
TRIGGERS = [
    ("rejection", "Receipt rejection rate"),
    ("complaints", "Complaints about one product"),
    ("price", "Sales below the approved price"),
]
# AUD-03: the rules a special inspection checks, by what proposed it.
SPECIAL_RULES = {
    "rejection": ("PUR-07", "PUR-08", "PUR-09", "PUR-10", "STK-07", "STK-08"),
    "complaints": ("CMP-02", "CMP-04", "CMP-07", "ASV-23", "PUR-10"),
    "price": ("SAL-17", "SAL-18"),
}


def literal_domain(domain):
    """``domain`` with dates and datetimes written as strings, so that its repr
    reads back with ``ast.literal_eval`` (the evidence line stores it)."""

    def literal(value):
        if isinstance(value, datetime):
            return fields.Datetime.to_string(value)
        if isinstance(value, date):
            return fields.Date.to_string(value)
        if isinstance(value, list | tuple):
            return type(value)(literal(item) for item in value)
        return value

    return [literal(term) for term in domain]


# Where a check's records name their product, nearest first (AUD-03 subject).
SUBJECT_PATHS = (
    "product_id",
    "order_line.product_id",
    "line_ids.product_id",
    "move_ids.product_id",
)
# First argument of pg_try_advisory_xact_lock: "the inspections of a company".
LOCK_CLASS = 22_0001


class MgmtsystemAudit(models.Model):
    """OCA's audit as the manual's inspection (AUD-01 to AUD-04): a quarterly
    comprehensive inspection per company, special inspections proposed when a
    threshold is crossed, a checklist generated from the rule registry."""

    _name = "mgmtsystem.audit"
    _inherit = ["mgmtsystem.audit", "dealer.governed.mixin"]

    # Only the inspection's own steps set what it covers and whether it is
    # closed, on every route.
    _dealer_governed = {
        "state": "AUD-04",
        "closing_date": "AUD-04",
        "dealer_kind": "AUD-01",
        "dealer_period": "AUD-01",
        "dealer_date_from": "AUD-01",
        "dealer_date_to": "AUD-01",
        "dealer_trigger": "AUD-03",
        "dealer_trigger_ref": "AUD-03",
        "dealer_trigger_note": "AUD-03",
    }
    # Inspections and their results are kept.
    _dealer_keep_rule = "AUD-04"

    state = fields.Selection(tracking=True)
    dealer_kind = fields.Selection(
        KINDS, string="Inspection", readonly=True, index=True, tracking=True
    )
    dealer_period = fields.Char(string="Quarter", readonly=True, index=True)
    dealer_date_from = fields.Date(string="Period from", readonly=True)
    dealer_date_to = fields.Date(string="Period to", readonly=True)
    dealer_trigger = fields.Selection(
        TRIGGERS, string="Proposed because", readonly=True
    )
    dealer_trigger_ref = fields.Char(string="Concerns", readonly=True)
    dealer_trigger_note = fields.Text(string="Threshold crossed", readonly=True)
    dealer_finding_ids = fields.One2many(
        "mgmtsystem.nonconformity", "dealer_audit_id", string="Findings"
    )
    dealer_finding_count = fields.Integer(
        string="Findings count", compute="_compute_dealer_counts"
    )
    dealer_nonconforming_count = fields.Integer(
        string="Non-conforming lines", compute="_compute_dealer_counts"
    )
    dealer_missing_finding_count = fields.Integer(
        string="Lines without finding", compute="_compute_dealer_counts"
    )

    @api.depends("line_ids.dealer_result", "line_ids.dealer_finding_ids")
    def _compute_dealer_counts(self):
        for inspection in self:
            bad = inspection.line_ids.filtered(
                lambda line: line.dealer_result == "non_conforming"
            )
            inspection.dealer_nonconforming_count = len(bad)
            inspection.dealer_missing_finding_count = len(
                bad.filtered(lambda line: not line.dealer_finding_ids)
            )
            inspection.dealer_finding_count = len(inspection.dealer_finding_ids)

    def init(self):
        # AUD-01, AUD-03: one comprehensive inspection per company and quarter,
        # one special inspection per threshold, subject and quarter.
        self.env.cr.execute(
            SQL(
                """
                CREATE UNIQUE INDEX IF NOT EXISTS mgmtsystem_audit_dealer_period_uniq
                    ON mgmtsystem_audit (
                        company_id, dealer_kind, dealer_period,
                        COALESCE(dealer_trigger, ''), COALESCE(dealer_trigger_ref, ''))
                 WHERE dealer_kind IS NOT NULL
                """
            )
        )

    # ------------------------------------------------------------------ AUD-04
    def button_close(self):
        """AUD-04: an inspection closes only when each non-conforming line has
        its finding."""
        self.check_access("write")
        for inspection in self:
            if inspection.state == "done":
                raise UserError(
                    self.env._("%s is closed already.", inspection.display_name)
                )
            missing = inspection.line_ids.filtered(
                lambda line: line.dealer_result == "non_conforming"
                and not line.dealer_finding_ids
            )
            if missing:
                raise UserError(
                    self.env._(
                        "%(inspection)s cannot be closed: record a finding for each "
                        "non-conforming line first (%(rules)s) (AUD-04).",
                        inspection=inspection.display_name,
                        rules=", ".join(missing.mapped("name")[:10]),
                    )
                )
        # Rights and the findings checked above: the close step sets the state.
        return super(MgmtsystemAudit, self._dealer_as_action()).button_close()

    def action_dealer_refresh(self):
        """AUD-02: count the evidence again (an open inspection only)."""
        self.check_access("write")
        if any(inspection.state == "done" for inspection in self):
            raise UserError(
                self.env._(
                    "A closed inspection keeps the evidence it was closed with "
                    "(AUD-04)."
                )
            )
        self._dealer_generate_checklist()
        return True

    def action_dealer_open_findings(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Findings"),
            "res_model": "mgmtsystem.nonconformity",
            "view_mode": "list,form",
            "domain": [("dealer_audit_id", "=", self.id)],
            "context": {"default_dealer_audit_id": self.id},
        }

    # ------------------------------------------------------------------ AUD-04
    def _dealer_compliance_aud_04(self, companies, date_from, date_to):
        """AUD-04 compliance check (dealer_base registry): inspections of
        quarters that ended in the period and are still open a quarter later."""
        limit = fields.Date.context_today(self) - relativedelta(months=3)
        return [
            ("company_id", "in", companies.ids),
            ("dealer_kind", "!=", False),
            ("state", "=", "open"),
            ("dealer_date_to", ">=", date_from),
            ("dealer_date_to", "<=", min(date_to, limit)),
        ]
