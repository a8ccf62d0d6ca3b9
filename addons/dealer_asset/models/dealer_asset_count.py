# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

RESULTS = [
    ("found", "Found"),
    ("not_found", "Not found"),
    ("surplus", "Surplus"),
]


class DealerAssetCount(models.Model):
    """A periodic asset count of a department or location (FIN-12): one per
    period and scope; its sheet lists the scope's assets, each found or not
    found, plus surpluses; every shortage has a cause and the person
    responsible before the count is approved and closed."""

    _name = "dealer.asset.count"
    _description = "Asset Count"
    _inherit = ["mail.thread", "mail.activity.mixin", "dealer.approval.mixin"]
    _order = "period_key desc, id desc"
    _check_company_auto = True

    _dealer_governed = {
        "closed_date": "FIN-12",
        "counter_id": "FIN-12",
    }
    _dealer_keep_rule = "FIN-12"
    _dealer_deletable_states = ("draft",)

    _state_from = ["draft"]
    _state_to = ["done"]
    _cancel_state = "cancel"
    _tier_validation_manual_config = False
    _dealer_approval_rule = "FIN-12"
    _dealer_approval_waiting_state = "draft"

    name = fields.Char(required=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda s: s.env.company
    )
    period_key = fields.Char(
        string="Period",
        required=True,
        default=lambda s: fields.Date.context_today(s).strftime("%Y-%m"),
        help="The period counted, e.g. 2026-12: one count per period and scope.",
    )
    department_id = fields.Many2one("hr.department", string="Department")
    location = fields.Char()
    counter_id = fields.Many2one(
        "res.users",
        string="Counted by",
        readonly=True,
        copy=False,
        help="Who started the count: never its approver.",
    )
    state = fields.Selection(
        [("draft", "Counting"), ("done", "Closed"), ("cancel", "Cancelled")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        copy=False,
    )
    line_ids = fields.One2many("dealer.asset.count.line", "count_id", string="Lines")
    shortage_count = fields.Integer(compute="_compute_counts", string="Shortages")
    surplus_count = fields.Integer(compute="_compute_counts", string="Surpluses")
    closed_date = fields.Date(readonly=True, copy=False)

    _sql_constraints = [
        (
            "period_scope_uniq",
            "UNIQUE NULLS NOT DISTINCT "
            "(company_id, period_key, department_id, location)",
            "One asset count per period and scope (rule FIN-12).",
        ),
    ]

    @api.depends("line_ids.result")
    def _compute_counts(self):
        for count in self:
            count.shortage_count = len(
                count.line_ids.filtered(lambda line: line.result == "not_found")
            )
            count.surplus_count = len(
                count.line_ids.filtered(lambda line: line.result == "surplus")
            )

    def _dealer_scope_domain(self):
        self.ensure_one()
        domain = [
            ("company_id", "=", self.company_id.id),
            ("state", "in", ("open", "close")),
        ]
        if self.department_id:
            domain.append(("dealer_department_id", "=", self.department_id.id))
        if self.location:
            domain.append(("dealer_location", "=", self.location))
        return domain

    def action_start(self):
        """The count sheet: one line per asset of the scope (FIN-12)."""
        for count in self:
            if count.state != "draft" or count.line_ids:
                raise UserError(
                    self.env._(
                        "Count %(name)s has its sheet already (rule FIN-12).",
                        name=count.name,
                    )
                )
            assets = self.env["account.asset"].search(count._dealer_scope_domain())
            self.env["dealer.asset.count.line"].create(
                [{"count_id": count.id, "asset_id": asset.id} for asset in assets]
            )
            count._dealer_as_action().write({"counter_id": self.env.user.id})

    def _dealer_check_lines(self):
        for count in self:
            if not count.line_ids:
                raise UserError(
                    self.env._("Count %(name)s has no lines.", name=count.name)
                )
            open_lines = count.line_ids.filtered(lambda line: not line.result)
            if open_lines:
                raise UserError(
                    self.env._(
                        "Count %(name)s: %(count)s assets have no result yet "
                        "(field Result, rule FIN-12).",
                        name=count.name,
                        count=len(open_lines),
                    )
                )
            unexplained = count.line_ids.filtered(
                lambda line: line.result == "not_found"
                and not (line.cause and line.cause.strip() and line.responsible_id)
            )
            if unexplained:
                raise UserError(
                    self.env._(
                        "Count %(name)s: the shortage of %(asset)s needs its cause "
                        "and the person responsible (fields Cause and Responsible, "
                        "rule FIN-12).",
                        name=count.name,
                        asset=unexplained[0].asset_id.display_name,
                    )
                )

    def request_validation(self):
        self._dealer_check_lines()
        return super().request_validation()

    def _dealer_approval_authors(self):
        return super()._dealer_approval_authors() | self.counter_id

    def _dealer_approval_done(self):
        self._dealer_close()

    def _dealer_close(self):
        self._dealer_check_lines()
        self._dealer_as_action().write(
            {"state": "done", "closed_date": fields.Date.context_today(self)}
        )
        # Assets not found are marked missing on the ledger (FIN-10).
        missing = self.line_ids.filtered(lambda line: line.result == "not_found")
        # sudo: the approver records the outcome on the ledger.
        missing.asset_id.sudo().write({"dealer_physical_state": "missing"})

    def action_close(self):
        """Closing is the last approval itself (FIN-12)."""
        for count in self:
            if not count.validated:
                raise UserError(
                    self.env._(
                        "Count %(name)s is closed by its approval (rule FIN-12).",
                        name=count.name,
                    )
                )
        self._dealer_close()


class DealerAssetCountLine(models.Model):
    _name = "dealer.asset.count.line"
    _description = "Asset Count Line"
    _order = "count_id, id"

    count_id = fields.Many2one(
        "dealer.asset.count", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="count_id.company_id", store=True)
    asset_id = fields.Many2one("account.asset", string="Asset", index=True)
    description = fields.Char(help="A surplus: what was found.")
    custodian_id = fields.Many2one(
        related="asset_id.dealer_custodian_id", string="Custodian"
    )
    location = fields.Char(related="asset_id.dealer_location")
    result = fields.Selection(RESULTS)
    cause = fields.Text()
    responsible_id = fields.Many2one("hr.employee", string="Responsible")
    note = fields.Char()

    @api.model_create_multi
    def create(self, vals_list):
        counts = self.env["dealer.asset.count"].browse(
            {vals["count_id"] for vals in vals_list if vals.get("count_id")}
        )
        # The superuser (data loading, e.g. a closed count in the demo) passes.
        if counts.filtered(lambda c: c.state != "draft") and not self.env.su:
            raise UserError(
                self.env._("A closed count's lines do not change (rule FIN-12).")
            )
        return super().create(vals_list)

    def write(self, vals):
        if self.count_id.filtered(lambda c: c.state != "draft"):
            raise UserError(
                self.env._("A closed count's lines do not change (rule FIN-12).")
            )
        return super().write(vals)

    def unlink(self):
        if self.count_id.filtered(lambda c: c.state != "draft"):
            raise UserError(
                self.env._("A closed count's lines do not change (rule FIN-12).")
            )
        return super().unlink()
