# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""KPI values (issue 21; HRM-18): one row per company x KPI x period x
person, written by the refresh engine (dealer_kpi_refresh.py) alone."""

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..tools import DEPARTMENTS

KPI_STATES = [
    ("open", "Open"),
    ("provisional", "Provisional"),
    ("final", "Final"),
]


class DealerKpiValue(models.Model):
    """The value of a KPI for a person (or the company) in a period. Written
    by the refresh alone; final values are kept (HRM-18: appraisal results
    are recorded)."""

    _name = "dealer.kpi.value"
    _description = "KPI Value"
    _order = "date_from desc, kpi_id, user_id"
    _rec_name = "kpi_id"

    kpi_id = fields.Many2one(
        "dealer.kpi", string="KPI", required=True, readonly=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, index=True
    )
    user_id = fields.Many2one(
        "res.users", string="Person", readonly=True, index=True, ondelete="cascade"
    )
    period = fields.Char(required=True, readonly=True, index=True)
    date_from = fields.Date(string="From", required=True, readonly=True)
    date_to = fields.Date(string="To", required=True, readonly=True)
    numerator = fields.Float(readonly=True, aggregator="sum")
    denominator = fields.Float(readonly=True, aggregator="sum")
    value = fields.Float(readonly=True, aggregator="avg", digits=(16, 2))
    state = fields.Selection(
        KPI_STATES,
        required=True,
        default="open",
        readonly=True,
        index=True,
        help="Open: the period runs. Provisional: the period ended and late "
        "facts still count. Final: the value is kept as it is.",
    )
    refreshed_on = fields.Datetime(readonly=True)
    unit = fields.Selection(related="kpi_id.unit")
    direction = fields.Selection(related="kpi_id.direction")
    dealer_my_team = fields.Boolean(
        string="My team",
        compute="_compute_dealer_my_team",
        search="_search_dealer_my_team",
        help="Values of the people in the departments you head.",
    )

    def init(self):
        self.env.cr.execute(
            """
            CREATE UNIQUE INDEX IF NOT EXISTS dealer_kpi_value_key
                ON dealer_kpi_value (kpi_id, company_id, period, COALESCE(user_id, 0))
            """
        )

    @api.model
    def _dealer_team_users(self):
        """The people of the departments the current user heads (ORG-15,
        ORG-24, ORG-25: managers appraise their staff)."""
        user = self.env.user
        members = self.env["res.users"]
        for key, _label in DEPARTMENTS:
            if user.has_group(f"dealer_base.group_{key}_manager"):
                # sudo: group membership is not readable by every user; only
                # the ids serve, to filter the values this manager reads.
                members |= self.env.ref(f"dealer_base.group_{key}_user").sudo().users
        return members

    def _compute_dealer_my_team(self):
        team = self._dealer_team_users()
        for value in self:
            value.dealer_my_team = value.user_id in team or (
                bool(team) and not value.user_id
            )

    def _search_dealer_my_team(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Unsupported search on My team."))
        team = self._dealer_team_users()
        domain = (
            ["|", ("user_id", "in", team.ids), ("user_id", "=", False)]
            if team
            else [("id", "=", 0)]
        )
        if (operator == "=") != value:
            domain = ["!", *domain]
        return domain

    def action_finalize(self):
        """Make these values final: nothing changes them afterwards."""
        self.env["dealer.kpi"]._dealer_check_manager()
        self.check_access("read")
        self._dealer_finalize()

    def _dealer_finalize(self):
        if not self:
            return
        self.flush_model()
        self.env.cr.execute(
            SQL(
                "UPDATE dealer_kpi_value SET state = 'final', write_uid = %s, "
                "write_date = now() AT TIME ZONE 'UTC' "
                "WHERE id IN %s AND state != 'final'",
                self.env.uid,
                tuple(self.ids),
            )
        )
        self.invalidate_model(["state", "write_uid", "write_date"])

    @api.model
    def _dealer_finalize_due(self, today=None):
        """Finalise the values of periods that ended more than the company's
        ``dealer_kpi_final_days`` ago (``today``: the job's day), in one
        statement."""
        today = today or fields.Date.context_today(self)
        self.flush_model()
        self.env.cr.execute(
            SQL(
                """
                UPDATE dealer_kpi_value v
                   SET state = 'final', write_date = now() AT TIME ZONE 'UTC'
                  FROM res_company c
                 WHERE c.id = v.company_id
                   AND v.state = 'provisional'
                   AND v.date_to + COALESCE(c.dealer_kpi_final_days, 0) < %s
                """,
                today,
            )
        )
        self.invalidate_model(["state", "write_date"])
