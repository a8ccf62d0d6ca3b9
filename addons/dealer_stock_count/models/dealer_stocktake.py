# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.dealer_base.tools import period_of

from .dealer_stocktake_apply_job import JOB_STATES
from .dealer_stocktake_line import REVIEWERS

# Advisory lock namespace for starting sessions (any constant, same in every worker).
STOCKTAKE_LOCK_KEY = 7_341_021

KINDS = [("monthly", "Monthly"), ("quarterly", "Quarterly"), ("spot", "Spot check")]
APPROVAL_LEVELS = [
    ("none", "No approval"),
    ("manager", "Warehouse Manager"),
    ("admin", "Warehouse Manager and Administration"),
]
STATES = [
    ("draft", "Planned"),
    ("counting", "Counting"),
    ("counted", "Count finished"),
    ("applying", "Applying"),
    ("applied", "Applied"),
    ("cancel", "Cancelled"),
]
# Fixed once counting starts: the book quantities were frozen for them.
SCOPE_FIELDS = {
    "warehouse_id",
    "location_ids",
    "category_ids",
    "high_value_only",
    "blind",
    "kind",
    "period_start",
    "period_end",
}


def period_bounds(kind, day):
    """First and last day of the month or quarter holding ``day``."""
    _key, start, end = period_of(day, 3 if kind == "quarterly" else 1)
    return start, end


class DealerStocktake(models.Model):
    """A stocktake session (STK-11, STK-12): the book quantities of its scope
    are frozen when counting starts, counters fill count sheets, differences
    are recounted, explained and approved, then applied through Odoo's
    inventory mode (STK-13)."""

    _name = "dealer.stocktake"
    _description = "Stocktake"
    _inherit = ["mail.thread", "mail.activity.mixin", "dealer.approval.mixin"]
    _order = "period_start desc, id desc"
    _check_company_auto = True

    # Only the stocktake's own actions move it on and record who did what
    # (STK-13); its figures come from its lines.
    _dealer_governed = {
        "company_id": "STK-13",
        "state": "STK-13",
        "snapshot_date": "STK-13",
        "date_counted": "STK-13",
        "date_applied": "STK-13",
        "applied_by_id": "STK-13",
        "variance_value": "STK-13",
        "variance_value_abs": "STK-13",
        "approval_level": "STK-13",
        "approval_requested_by_id": "STK-13",
        "approval_requested_date": "STK-13",
    }
    # A stocktake that was started holds counts: it is cancelled, never
    # deleted (see _dealer_kept_records).
    _dealer_keep_rule = "STK-13"

    # dealer_approval: the adjustment is approved before it is applied, never
    # by a counter or the requester (_dealer_approval_authors).
    _state_from = ["counted"]
    _state_to = ["applying", "applied"]
    _cancel_state = "cancel"
    _dealer_approval_rule = "STK-13"
    _tier_validation_manual_config = False

    name = fields.Char(required=True, copy=False, readonly=True, default="/")
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, default=lambda s: s.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    warehouse_id = fields.Many2one(
        "stock.warehouse",
        required=True,
        index=True,
        check_company=True,
        tracking=True,
    )
    kind = fields.Selection(KINDS, required=True, default="spot", tracking=True)
    period_start = fields.Date(required=True, default=fields.Date.context_today)
    period_end = fields.Date()
    deadline = fields.Date(
        required=True, tracking=True, index=True, default=fields.Date.context_today
    )
    state = fields.Selection(
        STATES,
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    blind = fields.Boolean(
        string="Blind count sheets",
        default=lambda self: self.env.company.dealer_stocktake_blind,
        help="Count sheets and stocktake lines do not show book quantities to "
        "counters. Inventory's own stock screens still show on-hand quantities "
        "to users with Inventory access.",
    )
    responsible_id = fields.Many2one(
        "res.users",
        string="Responsible",
        tracking=True,
        check_company=True,
        default=lambda self: self.env.user,
    )
    counter_ids = fields.Many2many(
        "res.users",
        "dealer_stocktake_counter_rel",
        string="Counters",
        check_company=True,
        domain=lambda self: [
            ("groups_id", "in", self.env.ref("dealer_base.group_warehouse_user").id)
        ],
    )
    location_ids = fields.Many2many(
        "stock.location",
        "dealer_stocktake_location_rel",
        string="Locations",
        check_company=True,
        domain="[('usage', '=', 'internal'), "
        "('company_id', 'in', [company_id, False])]",
        help="Locations counted, with their sub-locations.",
    )
    category_ids = fields.Many2many(
        "product.category",
        "dealer_stocktake_category_rel",
        string="Product categories",
        help="Empty: every category.",
    )
    high_value_only = fields.Boolean(string="High-value products only")
    snapshot_date = fields.Datetime(
        string="Book quantities frozen at", readonly=True, copy=False
    )
    date_counted = fields.Datetime(readonly=True, copy=False)
    date_applied = fields.Datetime(readonly=True, copy=False)
    applied_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    approval_requested_by_id = fields.Many2one(
        "res.users", string="Approval requested by", readonly=True, copy=False
    )
    approval_requested_date = fields.Datetime(
        string="Approval requested on", readonly=True, copy=False
    )
    line_ids = fields.One2many("dealer.stocktake.line", "stocktake_id", readonly=True)
    sheet_ids = fields.One2many("dealer.stocktake.sheet", "stocktake_id", readonly=True)
    move_ids = fields.One2many("stock.move", "dealer_stocktake_id", readonly=True)
    line_count = fields.Integer(compute="_compute_figures")
    sheet_count = fields.Integer(compute="_compute_figures")
    sheet_todo_count = fields.Integer(compute="_compute_figures")
    variance_line_count = fields.Integer(compute="_compute_figures")
    to_classify_count = fields.Integer(compute="_compute_figures")
    recount_count = fields.Integer(compute="_compute_figures")
    variance_value = fields.Monetary(
        string="Net variance value",
        compute="_compute_variance_value",
        store=True,
        groups=REVIEWERS,
    )
    variance_value_abs = fields.Monetary(
        string="Absolute variance value",
        compute="_compute_variance_value",
        store=True,
        groups=REVIEWERS,
    )
    approval_level = fields.Selection(
        APPROVAL_LEVELS,
        readonly=True,
        copy=False,
        tracking=True,
        help="Decided when approval is requested (or when a stocktake that needs "
        "none is applied), from the absolute variance value and the company "
        "thresholds of that moment; kept afterwards.",
    )
    approval_level_expected = fields.Selection(
        APPROVAL_LEVELS,
        string="Approval level (expected)",
        compute="_compute_approval_level_expected",
        help="The level a request would decide now, from today's differences "
        "and thresholds.",
    )
    is_overdue = fields.Boolean(
        string="Overdue", compute="_compute_is_overdue", search="_search_is_overdue"
    )
    note = fields.Html()
    # Issue 20: a large apply runs in the background and shows its progress.
    apply_job_ids = fields.One2many(
        "dealer.stocktake.apply.job", "stocktake_id", readonly=True
    )
    apply_job_id = fields.Many2one(
        "dealer.stocktake.apply.job",
        string="Apply job",
        compute="_compute_apply_job",
    )
    apply_started_by_id = fields.Many2one(
        "res.users", string="Apply started by", compute="_compute_apply_job"
    )
    apply_job_state = fields.Selection(
        JOB_STATES, string="Apply job status", compute="_compute_apply_job"
    )
    apply_progress = fields.Float(
        string="Apply progress (%)", compute="_compute_apply_job"
    )

    _sql_constraints = [
        (
            "period_check",
            "CHECK(period_end IS NULL OR period_end >= period_start)",
            "The period cannot end before it starts.",
        ),
    ]

    def init(self):
        # One scheduled session per warehouse, kind and period, even when the
        # scheduler runs twice or on several workers (STK-11, STK-12).
        self.env.cr.execute(
            """
            CREATE UNIQUE INDEX IF NOT EXISTS dealer_stocktake_period_uniq
            ON dealer_stocktake (warehouse_id, kind, period_start)
            WHERE kind IN ('monthly', 'quarterly')
            """
        )

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                company = self.env["res.company"].browse(
                    vals.get("company_id") or self.env.company.id
                )
                vals["name"] = (
                    self.env["ir.sequence"]
                    .with_company(company)
                    .next_by_code("dealer.stocktake")
                    or "/"
                )
        return super().create(vals_list)

    def write(self, vals):
        # base_tier_validation's skip_validation_check from a caller is dropped
        # by dealer_approval for every tier-validated document.
        fnames = set(vals)
        if not self._dealer_is_trusted():
            # The guard first, whatever the tier validation would say.
            self._dealer_check_governed_write(vals)
            closed = self.filtered(lambda s: s.state in ("applied", "cancel"))
            if closed and fnames & (
                SCOPE_FIELDS | {"deadline", "responsible_id", "counter_ids"}
            ):
                raise UserError(
                    self.env._(
                        "Stocktake %s is applied or cancelled: it cannot be "
                        "changed (STK-13).",
                        closed[0].name,
                    )
                )
            if fnames & SCOPE_FIELDS and self.filtered(lambda s: s.state != "draft"):
                raise UserError(
                    self.env._(
                        "The scope of a stocktake is fixed once counting has "
                        "started: its book quantities were frozen for it (STK-13)."
                    )
                )
            if "deadline" in fnames and self.filtered(
                lambda s: s.state not in ("draft", "counting")
            ):
                raise UserError(
                    self.env._(
                        "The deadline of a stocktake is kept once its count is "
                        "finished: it tells whether it was on time (STK-11)."
                    )
                )
        return super().write(vals)

    def unlink(self):
        # The guard's check first, so that a kept stocktake is refused with
        # its rule whatever tier validation does before the ondelete checks.
        self._unlink_except_dealer_kept()
        if not self.env.su and not self.review_ids:
            # A plan never started has no review, but base_tier_validation's
            # unlink still removes its (empty) reviews, which dealer_approval,
            # when installed, refuses to anyone but its own steps: after the
            # user's own right to delete is checked, delete as superuser.
            self.check_access("unlink")
            return super(DealerStocktake, self.sudo()).unlink()
        return super().unlink()

    def _dealer_kept_records(self):
        """A stocktake that was started froze book quantities and holds count
        sheets: it is kept, cancelled or not. Only plans never started may be
        deleted."""
        return self.filtered(
            lambda s: s.snapshot_date or s.sheet_ids or s.line_ids or s.review_ids
        )

    @api.constrains("warehouse_id", "location_ids")
    def _check_locations_in_warehouse(self):
        for stocktake in self:
            roots = (
                stocktake.warehouse_id.view_location_id
                | stocktake.warehouse_id.dealer_zone_view_location_id
            )
            outside = stocktake.location_ids.filtered(
                lambda loc, roots=roots: not any(
                    (loc.parent_path or "").startswith(root.parent_path)
                    for root in roots
                )
                or loc.usage != "internal"
            )
            if outside:
                raise ValidationError(
                    self.env._(
                        "Locations: %(locations)s are not internal locations of "
                        "warehouse %(warehouse)s; a stocktake counts its own "
                        "warehouse (STK-13).",
                        locations=", ".join(outside[:5].mapped("complete_name")),
                        warehouse=stocktake.warehouse_id.display_name,
                    )
                )

    @api.constrains("period_start", "deadline")
    def _check_deadline(self):
        for stocktake in self:
            if stocktake.deadline < stocktake.period_start:
                raise ValidationError(
                    self.env._(
                        "Deadline: %(deadline)s is before the start of the "
                        "period counted, %(start)s (STK-11).",
                        deadline=stocktake.deadline,
                        start=stocktake.period_start,
                    )
                )

    def action_cancel(self):
        self._check_manager()
        self._lock_for_update()
        self._check_state("draft", "counting", "counted")
        self._dealer_as_action().write({"state": "cancel"})
        self.activity_ids.unlink()
        return True

    def _action_for(self, xmlid, domain, context=None):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["domain"] = domain
        action["context"] = context or {}
        return action

    def action_view_sheets(self):
        return self._action_for(
            "dealer_stock_count.dealer_stocktake_sheet_action",
            [("stocktake_id", "=", self.id)],
            {"default_stocktake_id": self.id},
        )

    def action_view_lines(self):
        return self._action_for(
            "dealer_stock_count.dealer_stocktake_line_action",
            [("stocktake_id", "=", self.id)],
            {"search_default_group_location": 1},
        )

    def action_view_moves(self):
        return self._action_for(
            "stock.stock_move_action", [("dealer_stocktake_id", "=", self.id)]
        )

    def _variance_report_lines(self):
        """Lines with a difference, for the variance reports."""
        self.ensure_one()
        return self.env["dealer.stocktake.line"].search(
            [
                ("stocktake_id", "=", self.id),
                ("count_state", "in", ("recount", "to_classify", "classified")),
            ],
            order="held_apart, location_id, product_id, lot_id",
        )
