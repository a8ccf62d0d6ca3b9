# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging
from datetime import timedelta

from markupsafe import Markup
from psycopg2 import IntegrityError, OperationalError

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL
from odoo.tools.translate import LazyTranslate

from odoo.addons.dealer_base.tools import period_of

from .dealer_stocktake_apply_job import JOB_STATES
from .dealer_stocktake_line import REVIEWERS
from .stock_batch_apply import QuantBatch

_logger = logging.getLogger(__name__)

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

_lt = LazyTranslate(__name__)


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
    # Computes
    # ------------------------------------------------------------------
    def _compute_figures(self):
        Line = self.env["dealer.stocktake.line"].sudo()
        groups = Line._read_group(
            [("stocktake_id", "in", self.ids)],
            ["stocktake_id", "count_state"],
            ["__count"],
        )
        by_state = {}
        for stocktake, count_state, count in groups:
            by_state.setdefault(stocktake.id, {})[count_state] = count
        sheets = (
            self.env["dealer.stocktake.sheet"]
            .sudo()
            ._read_group(
                [("stocktake_id", "in", self.ids)],
                ["stocktake_id", "state"],
                ["__count"],
            )
        )
        by_sheet = {}
        for stocktake, state, count in sheets:
            by_sheet.setdefault(stocktake.id, {})[state] = count
        for stocktake in self:
            states = by_state.get(stocktake.id, {})
            sheet_states = by_sheet.get(stocktake.id, {})
            stocktake.line_count = sum(states.values())
            stocktake.sheet_count = sum(sheet_states.values())
            stocktake.sheet_todo_count = sheet_states.get("todo", 0)
            stocktake.recount_count = states.get("recount", 0)
            stocktake.to_classify_count = states.get("to_classify", 0)
            stocktake.variance_line_count = states.get("to_classify", 0) + states.get(
                "classified", 0
            )

    @api.depends("line_ids.variance_value")
    def _compute_variance_value(self):
        totals = {
            stocktake.id: (net, absolute)
            for stocktake, net, absolute in self.env["dealer.stocktake.line"]
            .sudo()
            ._read_group(
                [("stocktake_id", "in", self.ids)],
                ["stocktake_id"],
                ["variance_value:sum", "variance_value_abs:sum"],
            )
        }
        for stocktake in self:
            net, absolute = totals.get(stocktake.id, (0.0, 0.0))
            stocktake.variance_value = net
            stocktake.variance_value_abs = absolute

    @api.depends(
        "approval_level",
        "variance_value_abs",
        "company_id.dealer_stocktake_manager_threshold",
        "company_id.dealer_stocktake_admin_threshold",
    )
    def _compute_approval_level_expected(self):
        for stocktake in self:
            stocktake.approval_level_expected = (
                stocktake.approval_level or stocktake._dealer_level_from_figures()
            )

    def _dealer_level_from_figures(self):
        """The approval level the differences need under today's thresholds."""
        self.ensure_one()
        # sudo: the level is a fact every reader of the stocktake may see;
        # the value it derives from is for reviewers only.
        absolute = self.sudo().variance_value_abs
        company = self.company_id
        if absolute > company.dealer_stocktake_admin_threshold:
            return "admin"
        if absolute > company.dealer_stocktake_manager_threshold:
            return "manager"
        return "none"

    def _compute_apply_job(self):
        for stocktake in self:
            # sudo: who started an apply and how far it got is for every
            # reader of the stocktake.
            job = stocktake.sudo().apply_job_ids[:1]
            stocktake.apply_job_id = job
            stocktake.apply_started_by_id = job.user_id
            stocktake.apply_job_state = job.state
            stocktake.apply_progress = (
                100.0 * job.progress_done / job.progress_total
                if job.progress_total
                else 0.0
            )

    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for stocktake in self:
            stocktake.is_overdue = (
                stocktake.state in ("draft", "counting") and stocktake.deadline < today
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Operation not supported"))
        domain = [
            ("state", "in", ("draft", "counting")),
            ("deadline", "<", fields.Date.context_today(self)),
        ]
        if (operator == "=") == value:
            return domain
        return ["!", "&", *domain]

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

    # ------------------------------------------------------------------
    # Scheduling (STK-11, STK-12)
    # ------------------------------------------------------------------
    @api.model
    def _cron_schedule(self):
        """Daily: open this period's sessions of every warehouse. Safe to run
        twice and on several workers."""
        today = fields.Date.context_today(self)
        warehouses = self.env["stock.warehouse"].search(
            [("dealer_stocktake_scheduled", "=", True)]
        )
        return self._schedule_sessions(warehouses, today)

    @api.model
    def _schedule_sessions(self, warehouses, day):
        created = self.browse()
        due = [
            (warehouse, kind, *period_bounds(kind, day))
            for warehouse in warehouses
            for kind in warehouse.company_id._dealer_stocktake_kinds_due(day)
        ]
        existing = {
            (stocktake.warehouse_id, stocktake.kind, stocktake.period_start)
            for stocktake in self.search(
                [
                    ("warehouse_id", "in", warehouses.ids),
                    ("kind", "in", ["monthly", "quarterly"]),
                    ("period_start", "in", list({d[2] for d in due})),
                ]
            )
        }
        for warehouse, kind, period_start, period_end in due:
            if (warehouse, kind, period_start) in existing:
                continue
            vals = self._prepare_scheduled_vals(
                warehouse, kind, period_start, period_end
            )
            try:
                with self.env.cr.savepoint():
                    stocktake = self.with_company(warehouse.company_id).create(vals)
            except IntegrityError:
                # Another worker created it since our search: fine.
                _logger.info(
                    "Stocktake %s %s of %s already exists",
                    kind,
                    period_start,
                    warehouse.display_name,
                )
                continue
            stocktake._schedule_count_activities()
            created |= stocktake
        return created

    @api.model
    def _prepare_scheduled_vals(self, warehouse, kind, period_start, period_end):
        company = warehouse.company_id
        if kind == "quarterly":
            deadline = period_start + timedelta(
                days=company.dealer_stocktake_quarter_days - 1
            )
        else:
            deadline = period_start.replace(day=company.dealer_stocktake_monthly_day)
        vals = {
            "company_id": company.id,
            "warehouse_id": warehouse.id,
            "kind": kind,
            "period_start": period_start,
            "period_end": period_end,
            "deadline": deadline,
            "blind": company.dealer_stocktake_blind,
            "responsible_id": (
                warehouse.dealer_stocktake_responsible_id
                or company._dealer_department_head("warehouse")
            ).id,
            "counter_ids": [
                fields.Command.set(warehouse.dealer_stocktake_counter_ids.ids)
            ],
        }
        vals.update(self._scope_vals(warehouse, kind, period_start))
        return vals

    @api.model
    def _scope_vals(self, warehouse, kind, period_start):
        """What a scheduled session counts. Quarterly: everything, inspection
        zones included. Monthly: the company's chosen scope."""
        locations = warehouse._dealer_stocktake_locations()
        company = warehouse.company_id
        vals = {"location_ids": [fields.Command.set(locations.ids)]}
        if kind != "monthly":
            return vals
        scope = company.dealer_stocktake_monthly_scope
        if scope == "locations":
            chosen = company.dealer_stocktake_location_ids.filtered(
                lambda loc: loc in locations
            )
            vals["location_ids"] = [fields.Command.set(chosen.ids)]
        elif scope == "categories":
            vals["category_ids"] = [
                fields.Command.set(company.dealer_stocktake_category_ids.ids)
            ]
        elif scope == "high_value":
            vals["high_value_only"] = True
        elif scope == "rotating":
            # Month n of the quarter counts every third location from n, so
            # three monthly counts cover every location once a quarter.
            month_in_quarter = (period_start.month - 1) % 3
            chosen = locations.ids[month_in_quarter::3]
            vals["location_ids"] = [fields.Command.set(chosen)]
        return vals

    def _schedule_count_activities(self):
        activity_type = self.env.ref("dealer_stock_count.mail_activity_stocktake_count")
        for stocktake in self:
            users = stocktake.counter_ids | stocktake.responsible_id
            for user in users:
                stocktake.activity_schedule(
                    activity_type_id=activity_type.id,
                    date_deadline=stocktake.deadline,
                    user_id=user.id,
                    summary=_lt("Stocktake %s", stocktake.name),
                )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def _lock_for_update(self):
        """Serialise state changes: a second click or a second user waits for
        nothing and gets a clear message."""
        if not self:
            return
        try:
            self.env.cr.execute(
                SQL(
                    "SELECT id FROM dealer_stocktake WHERE id IN %s FOR UPDATE NOWAIT",
                    tuple(self.ids),
                )
            )
        except OperationalError as error:
            raise UserError(
                self.env._(
                    "Someone else is working on this stocktake right now; try "
                    "again in a moment."
                )
            ) from error
        self.invalidate_recordset(["state"])

    def _check_state(self, *states):
        for stocktake in self:
            if stocktake.state not in states:
                raise UserError(
                    self.env._(
                        "Stocktake %(name)s is %(state)s; this action needs it "
                        "to be %(states)s.",
                        name=stocktake.name,
                        state=dict(STATES)[stocktake.state],
                        states=", ".join(dict(STATES)[s] for s in states),
                    )
                )

    def _scope_locations(self):
        self.ensure_one()
        return self.env["stock.location"].search(
            [("id", "child_of", self.location_ids.ids), ("usage", "=", "internal")],
            order="complete_name, id",
        )

    def action_start(self):
        """STK-13: freeze the book quantity of every quant in scope and open
        one count sheet per location."""
        self._check_manager()
        self._lock_for_update()
        self._check_state("draft")
        for stocktake in self:
            locations = stocktake._scope_locations()
            if not locations:
                raise UserError(
                    self.env._(
                        "Stocktake %s has no location to count: choose its "
                        "locations first.",
                        stocktake.name,
                    )
                )
            counters = stocktake.counter_ids or stocktake.responsible_id
            if not counters:
                raise UserError(
                    self.env._(
                        "Stocktake %s has no counter: add the counters first.",
                        stocktake.name,
                    )
                )
            # Two sessions starting at the same moment must see each other.
            self.env.cr.execute(
                SQL(
                    "SELECT pg_advisory_xact_lock(%s, %s)",
                    STOCKTAKE_LOCK_KEY,
                    stocktake.company_id.id,
                )
            )
            stocktake._check_no_overlap(locations)
            sheets = (
                self.env["dealer.stocktake.sheet"]
                ._dealer_as_action()
                .create(
                    [
                        {
                            "stocktake_id": stocktake.id,
                            "location_id": location.id,
                            "counter_id": counters[index % len(counters)].id,
                            "round": "count",
                        }
                        for index, location in enumerate(locations)
                    ]
                )
            )
            now = fields.Datetime.now()
            stocktake._dealer_as_action().write(
                {"state": "counting", "snapshot_date": now}
            )
            stocktake._snapshot(sheets)
            if not stocktake.activity_ids:
                stocktake._schedule_count_activities()
        return True

    def _quant_scope_sql(self, location_ids):
        """The quants this session counts, as a SQL condition on ``q``."""
        self.ensure_one()
        conditions = [
            SQL("q.location_id = ANY(%s)", list(location_ids)),
            SQL("q.quantity != 0"),
            SQL("q.company_id = %s", self.company_id.id),
        ]
        if self.category_ids:
            categories = self.env["product.category"].search(
                [("id", "child_of", self.category_ids.ids)]
            )
            conditions.append(SQL("pt.categ_id = ANY(%s)", categories.ids))
        if self.high_value_only:
            conditions.append(SQL("pt.dealer_high_value"))
        return SQL(" AND ").join(conditions)

    def _check_no_overlap(self, locations):
        """Two open sessions may not count the same quant."""
        self.ensure_one()
        self.env["dealer.stocktake.line"].flush_model()
        self.env.cr.execute(
            SQL(
                """
                SELECT l.id
                  FROM stock_quant q
                  JOIN product_product pp ON pp.id = q.product_id
                  JOIN product_template pt ON pt.id = pp.product_tmpl_id
                  JOIN dealer_stocktake_line l ON l.quant_id = q.id
                  JOIN dealer_stocktake s ON s.id = l.stocktake_id
                 WHERE %s AND s.id != %s AND s.state IN ('counting', 'counted')
                 LIMIT 5
                """,
                self._quant_scope_sql(locations.ids),
                self.id,
            )
        )
        taken = self.env["dealer.stocktake.line"].browse(
            [row[0] for row in self.env.cr.fetchall()]
        )
        if taken:
            raise UserError(
                self.env._(
                    "Stocktake %(name)s overlaps an open stocktake (STK-13): "
                    "%(quants)s. Finish or cancel that one first.",
                    name=self.name,
                    quants="; ".join(
                        f"{line.stocktake_id.name} — {line.display_name}"
                        for line in taken.sudo()
                    ),
                )
            )

    def _snapshot(self, sheets):
        """One INSERT for the whole scope: 50,000 quants are frozen in a few
        seconds, which ORM creates could not do (see bench/)."""
        self.ensure_one()
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO dealer_stocktake_line (
                    stocktake_id, sheet_id, company_id, quant_id, product_id,
                    location_id, lot_id, package_id, owner_id, uom_id, book_qty,
                    held_apart, count_state, is_found, draft_qty, draft_qty_set,
                    recount_required, create_uid, write_uid, create_date, write_date)
                SELECT %(stocktake)s, sh.id, q.company_id, q.id, q.product_id,
                       q.location_id, q.lot_id, q.package_id, q.owner_id,
                       pt.uom_id, q.quantity,
                       COALESCE(loc.dealer_zone_type IN
                                ('pending_inspection', 'non_conforming'), FALSE),
                       'to_count', FALSE, 0, FALSE, FALSE,
                       %(uid)s, %(uid)s, now() at time zone 'UTC',
                       now() at time zone 'UTC'
                  FROM stock_quant q
                  JOIN dealer_stocktake_sheet sh
                    ON sh.location_id = q.location_id
                   AND sh.stocktake_id = %(stocktake)s
                  JOIN stock_location loc ON loc.id = q.location_id
                  JOIN product_product pp ON pp.id = q.product_id
                  JOIN product_template pt ON pt.id = pp.product_tmpl_id
                 WHERE %(scope)s
                 ORDER BY loc.complete_name, pt.default_code, q.id
                """,
                stocktake=self.id,
                uid=self.env.uid,
                scope=self._quant_scope_sql(sheets.location_id.ids),
            )
        )
        self.env["dealer.stocktake.line"].invalidate_model()
        self.invalidate_recordset(["line_ids"])
        sheets.invalidate_recordset(["line_ids"])

    def _notify_counting_done(self):
        """Once the last sheet is in, the responsible reviews the differences."""
        for stocktake in self.sudo():
            if stocktake.state != "counting" or stocktake.sheet_ids.filtered(
                lambda s: s.state == "todo"
            ):
                continue
            stocktake.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=(
                    stocktake.responsible_id
                    or stocktake.company_id._dealer_department_head("warehouse")
                    or self.env.user
                ).id,
                summary=_lt("Every count sheet is in: finish and review"),
            )

    def action_finish_counting(self):
        """All sheets are in: the session moves to review."""
        self._check_manager()
        self._lock_for_update()
        self._check_state("counting")
        for stocktake in self:
            todo = stocktake.sheet_ids.filtered(lambda s: s.state == "todo")
            if todo:
                raise UserError(
                    self.env._(
                        "Count sheets still to submit: %s.",
                        ", ".join(todo.mapped("display_name")),
                    )
                )
        self._dealer_as_action().write(
            {"state": "counted", "date_counted": fields.Datetime.now()}
        )
        return True

    def _check_classified(self):
        """STK-14, STK-15: every difference has a cause; human error names the
        person responsible."""
        Line = self.env["dealer.stocktake.line"]
        for stocktake in self:
            pending = Line.search(
                [("stocktake_id", "=", stocktake.id), ("count_state", "=", "recount")],
                limit=5,
            )
            if pending:
                raise ValidationError(
                    self.env._(
                        "These lines still need their recount by another counter "
                        "(STK-14): %s",
                        ", ".join(pending.mapped("display_name")),
                    )
                )
            unclassified = Line.search(
                [
                    ("stocktake_id", "=", stocktake.id),
                    ("count_state", "=", "to_classify"),
                ],
                limit=5,
            )
            if unclassified:
                raise ValidationError(
                    self.env._(
                        "Every difference needs its cause before approval is "
                        "requested or the stocktake is applied (STK-14). Still "
                        "without Reason: %s",
                        ", ".join(unclassified.mapped("display_name")),
                    )
                )

    def _check_manager(self):
        """Stocktakes are run by Warehouse Managers (STK-13)."""
        if not (
            self.env.su
            or self.env.user.has_group("dealer_base.group_warehouse_manager")
        ):
            raise AccessError(
                self.env._("Only a Warehouse Manager runs stocktakes (STK-13).")
            )

    # ------------------------------------------------------------------
    # Approval (STK-13): decided at request, by someone who neither counted
    # nor asked for it
    # ------------------------------------------------------------------
    def _dealer_decide_approval_level(self):
        """The approval level, decided once from the figures and thresholds
        of this moment and kept: later Settings do not change it."""
        self.ensure_one()
        if not self.approval_level:
            self._dealer_as_action().write(
                {"approval_level": self._dealer_level_from_figures()}
            )
        return self.approval_level

    def _dealer_counters(self):
        """Everyone who counted or was to count this stocktake."""
        self.ensure_one()
        # sudo: counts are private to their counter; who counted is not.
        sheets = self.sudo().sheet_ids
        counts = self.env["dealer.stocktake.count"].sudo()
        counted_by = counts.search([("stocktake_id", "=", self.id)]).counter_id
        return (
            self.counter_ids | sheets.counter_id | sheets.submitted_by_id | counted_by
        ).sudo(False)

    def _dealer_approval_authors(self):
        """Who may not approve: the requester and every counter."""
        self.ensure_one()
        return (
            super()._dealer_approval_authors()
            | self._dealer_counters()
            | self.approval_requested_by_id
        )

    def _dealer_check_waiting_approval(self):
        """Only a counted stocktake is approved or rejected. Who may not
        decide (a counter, the requester) is dealer_approval's check, from
        ``_dealer_approval_authors`` (STK-13)."""
        for stocktake in self:
            if stocktake.state != "counted":
                raise UserError(
                    self.env._(
                        "Stocktake %s is not waiting for approval.", stocktake.name
                    )
                )

    def _compute_need_validation(self):
        result = super()._compute_need_validation()
        # Before the request the level is not decided yet: the stocktake needs
        # validation when a request would decide a level that needs it.
        for stocktake in self:
            if (
                stocktake.state == "counted"
                and not stocktake.approval_level
                and not stocktake.review_ids
                and not isinstance(stocktake.id, models.NewId)
            ):
                stocktake.need_validation = (
                    stocktake._dealer_level_from_figures() != "none"
                )
        return result

    def request_validation(self):
        """Approval is requested by a Warehouse Manager once every difference
        has its cause; the level is decided now and kept (STK-13, STK-14)."""
        self._check_manager()
        for stocktake in self:
            stocktake._check_state("counted")
            if stocktake.review_ids:
                raise UserError(
                    self.env._(
                        "Approval of stocktake %s has already been requested.",
                        stocktake.name,
                    )
                )
            stocktake._check_classified()
            if stocktake._dealer_decide_approval_level() == "none":
                continue
            stocktake._dealer_as_action().write(
                {
                    "approval_requested_by_id": self.env.uid,
                    "approval_requested_date": fields.Datetime.now(),
                }
            )
        # The checks above are the request's rules: its reviews are created
        # by tier validation's own step (dealer_approval).
        return super(DealerStocktake, self._dealer_as_action()).request_validation()

    def validate_tier(self):
        self._dealer_check_waiting_approval()
        return super().validate_tier()

    def reject_tier(self):
        self._dealer_check_waiting_approval()
        return super().reject_tier()

    # Reviews are changed by dealer_approval's review step, not by a trusted
    # stocktake: only the state check is the stocktake's own.
    def _validate_tier(self, tiers=False):
        self._dealer_check_waiting_approval()
        return super()._validate_tier(tiers)

    def _rejected_tier(self, tiers=False):
        self._dealer_check_waiting_approval()
        return super()._rejected_tier(tiers)

    def restart_validation(self):
        """After a rejection: the reviews go, their decisions stay in the
        chatter, the level stays as decided, and classification reopens."""
        self._check_manager()
        self._check_state("counted")
        for stocktake in self:
            decided = stocktake.sudo().review_ids.filtered("done_by")
            if decided:
                stocktake.message_post(
                    body=Markup("%s<ul>%s</ul>")
                    % (
                        self.env._("Approval restarted; earlier decisions:"),
                        Markup("").join(
                            Markup("<li>%s: %s, %s, %s%s</li>")
                            % (
                                review.name or "",
                                dict(
                                    review._fields["status"]._description_selection(
                                        self.env
                                    )
                                ).get(review.status, review.status),
                                review.done_by.name,
                                review.reviewed_date or "",
                                f" ({review.comment})" if review.comment else "",
                            )
                            for review in decided
                        ),
                    )
                )
        result = super(DealerStocktake, self._dealer_as_action()).restart_validation()
        self._dealer_as_action().write(
            {"approval_requested_by_id": False, "approval_requested_date": False}
        )
        return result

    def _allow_to_remove_reviews(self, values):
        # Reviews are the record of who approved what: cancelling keeps them.
        return False

    def _dealer_required_definitions(self):
        self.ensure_one()
        definitions = (
            self.env["tier.definition"]
            .sudo()
            .search(
                [
                    ("model", "=", self._name),
                    ("company_id", "in", [False, self.company_id.id]),
                ]
            )
        )
        return definitions.filtered(lambda tier: self.evaluate_tier(tier))

    def _dealer_check_approved(self):
        """Before apply: every tier the decided level needs was approved by a
        reviewer it names, who neither counted nor requested (STK-13). Read
        from the reviews themselves, whatever wrote them."""
        self.ensure_one()
        excluded = self._dealer_counters() | self.approval_requested_by_id
        # sudo: the reviews are read to check them, whoever may read them.
        reviews = self.sudo().review_ids
        missing = []
        for definition in self._dealer_required_definitions():
            approved = reviews.filtered(
                lambda review, definition=definition: review.definition_id == definition
                and review.status == "approved"
                and review.done_by
                and review.done_by not in excluded
                and review.done_by
                in (definition.reviewer_id | definition.reviewer_group_id.users)
            )
            if not approved:
                missing.append(definition.name)
        if missing or not self.approval_requested_by_id:
            raise UserError(
                self.env._(
                    "Stocktake %(name)s needs approval before it is applied "
                    "(STK-13): request it, then have it approved by someone who "
                    "neither counted it nor requested it. Missing: %(tiers)s",
                    name=self.name,
                    tiers=", ".join(missing) or "-",
                )
            )

    # ------------------------------------------------------------------
    # Apply
    # ------------------------------------------------------------------
    def action_apply(self):
        """Adjust stock to the counts through core inventory mode, all or
        nothing, with the session as the moves' reference. A large apply is
        queued as a background job (issue 20)."""
        self.ensure_one()
        self._check_manager()
        self._lock_for_update()
        if self.state == "applied":
            raise UserError(
                self.env._("Stocktake %s has already been applied.", self.name)
            )
        if self.state == "applying":
            job = self.sudo().apply_job_ids[:1]
            raise UserError(
                self.env._(
                    "Stocktake %(name)s is being applied in the background, "
                    "started by %(user)s on %(date)s; it cannot be started twice.",
                    name=self.name,
                    user=job.user_id.name or "-",
                    date=job.date_queued or "-",
                )
            )
        self._check_state("counted")
        self._check_classified()
        to_apply = (
            self.env["dealer.stocktake.line"]
            .sudo()
            .search_count([("stocktake_id", "=", self.id), ("variance_qty", "!=", 0)])
        )
        if to_apply > self.company_id.dealer_stocktake_apply_job_threshold:
            return self._dealer_queue_apply(to_apply)
        # A failure anywhere below rolls back everything, even for a caller
        # that catches the error and goes on.
        with self.env.cr.savepoint():
            self._dealer_apply_now()
        return True

    def _dealer_queue_apply(self, to_apply):
        """Queue the apply: the stocktake is "Applying" until the job has
        applied everything in one transaction, or went back to review."""
        self.ensure_one()
        if self._dealer_decide_approval_level() != "none":
            self._dealer_check_approved()
        self._dealer_as_action().write({"state": "applying"})
        # sudo: jobs are created by this action only (the model refuses
        # others), after the checks above.
        self.env["dealer.stocktake.apply.job"].sudo().create(
            {
                "stocktake_id": self.id,
                "user_id": self.env.uid,
                "progress_total": to_apply,
            }
        )
        self.message_post(
            body=self.env._(
                "%(count)s differences are applied in the background; this "
                "stocktake shows the progress.",
                count=to_apply,
            )
        )
        self.env.ref("dealer_stock_count.ir_cron_dealer_stocktake_apply")._trigger()
        return True

    def _dealer_apply_now(self, job=None):
        """The apply itself, in the caller's transaction (savepoint)."""
        self.ensure_one()
        if self._dealer_decide_approval_level() != "none":
            self._dealer_check_approved()
        self._dealer_as_action().write(
            {
                "state": "applied",
                "date_applied": fields.Datetime.now(),
                "applied_by_id": self.env.uid,
            }
        )
        self._apply_to_quants(job=job)
        self.activity_ids.action_done()

    def _apply_domain(self):
        self.ensure_one()
        return [("stocktake_id", "=", self.id), ("variance_qty", "!=", 0)]

    def _apply_lines(self):
        """The ids of the quants to apply, in the lines' order, each line
        checked against the stocktake's scope: its warehouse's counted
        locations and its company (STK-13). Read in SQL: a count of 50,000
        differences is never held as records."""
        self.ensure_one()
        Line = self.env["dealer.stocktake.line"].sudo()
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                SELECT l.id
                  FROM dealer_stocktake_line l
                  LEFT JOIN stock_quant q ON q.id = l.quant_id
                 WHERE l.stocktake_id = %(stocktake)s AND l.variance_qty != 0
                   AND (l.company_id != %(company)s
                        OR l.location_id NOT IN (
                           SELECT location_id FROM dealer_stocktake_sheet
                            WHERE stocktake_id = %(stocktake)s)
                        OR (q.id IS NOT NULL
                            AND (q.location_id != l.location_id
                                 OR q.product_id != l.product_id
                                 OR COALESCE(q.lot_id, 0) != COALESCE(l.lot_id, 0)
                                 OR q.company_id != %(company)s)))
                 LIMIT 5
                """,
                stocktake=self.id,
                company=self.company_id.id,
            )
        )
        strays = Line.browse([row[0] for row in self.env.cr.fetchall()])
        if strays:
            raise UserError(
                self.env._(
                    "These lines are outside the scope of stocktake %(name)s and "
                    "are not applied (STK-13): %(lines)s",
                    name=self.name,
                    lines=", ".join(strays.mapped("display_name")),
                )
            )
        self._apply_found_quants(
            Line.search(self._apply_domain() + [("quant_id", "=", False)])
        )
        self.env.flush_all()
        query = Line._search(self._apply_domain(), order=Line._order)
        self.env.cr.execute(query.select(SQL.identifier(Line._table, "quant_id")))
        return [row[0] for row in self.env.cr.fetchall()]

    def _apply_found_quants(self, lines):
        """A found serial, lot or product gets a quant to adjust."""
        Quant = self.env["stock.quant"].sudo()
        for line in lines.filtered(lambda rec: not rec.quant_id):
            quant = Quant._gather(
                line.product_id,
                line.location_id,
                lot_id=line.lot_id,
                package_id=line.package_id,
                owner_id=line.owner_id,
                strict=True,
            )[:1] or Quant.create(
                {
                    "product_id": line.product_id.id,
                    "location_id": line.location_id.id,
                    "lot_id": line.lot_id.id,
                    "package_id": line.package_id.id,
                    "owner_id": line.owner_id.id,
                }
            )
            line._dealer_as_action().write({"quant_id": quant.id})

    def _apply_to_quants(self, job=None):
        """Set-wise apply (issue 20): the counts become core Physical
        Inventory counts in one UPDATE, then core's own apply runs chunk by
        chunk on them with the quant bookkeeping done set-wise
        (``stock_batch_apply``): same moves, move lines, quants, valuation
        layers and journal entries as core's ``action_apply_inventory``."""
        self.ensure_one()
        # sudo (in _apply_lines and below): the stocktake's apply is the one
        # route that adjusts stock in a company that adjusts only through
        # stocktakes; the user's rights and the rules were checked by
        # action_apply.
        quant_ids = self._apply_lines()
        if not quant_ids:
            return
        self.env.cr.execute(
            SQL(
                "SELECT id FROM stock_quant WHERE id = ANY(%s) "
                "AND inventory_quantity_set LIMIT 5",
                quant_ids,
            )
        )
        busy = (
            self.env["stock.quant"]
            .sudo()
            .browse([row[0] for row in self.env.cr.fetchall()])
        )
        if busy:
            raise UserError(
                self.env._(
                    "A count is pending for these quants in Physical Inventory; "
                    "apply or clear it there first so that nobody's count is "
                    "overwritten: %s",
                    ", ".join(busy.mapped("display_name")),
                )
            )
        # The target is today's quantity plus the variance measured at the
        # count, so moves done since then are not counted twice.
        self.env.cr.execute(
            SQL(
                """
                UPDATE stock_quant q
                   SET inventory_quantity = q.quantity + l.variance_qty,
                       inventory_diff_quantity = l.variance_qty,
                       inventory_quantity_set = TRUE,
                       user_id = %(uid)s
                  FROM dealer_stocktake_line l
                 WHERE l.quant_id = q.id AND l.stocktake_id = %(stocktake)s
                   AND l.variance_qty != 0
                """,
                uid=self.env.uid,
                stocktake=self.id,
            )
        )
        # A decrease below what other transfers reserved frees their
        # reservations in core (_free_reservation): those quants take core's
        # own path, after the others.
        self.env.cr.execute(
            SQL(
                """
                SELECT q.id FROM stock_quant q
                 WHERE q.id = ANY(%s) AND q.reserved_quantity > 0
                   AND q.inventory_quantity < q.reserved_quantity
                """,
                quant_ids,
            )
        )
        reserved_ids = {row[0] for row in self.env.cr.fetchall()}
        name = self.env._("Stocktake %s", self.name)
        uid = self.env.uid
        self.env.cr.execute("SELECT COALESCE(MAX(id), 0) FROM stock_move")
        last_move_id = self.env.cr.fetchone()[0]
        self.env.invalidate_all()
        batched = self._dealer_apply_order(
            [qid for qid in quant_ids if qid not in reserved_ids]
        )
        chunk = max(1, self.company_id.dealer_stocktake_apply_chunk)
        env = self.env(su=True)
        done = 0
        created_ids = []
        for start in range(0, len(batched), chunk):
            ids = batched[start : start + chunk]
            env["stock.quant"].browse(ids).with_context(
                inventory_mode=True,
                inventory_name=name,
                set_inventory_quantity_auto_apply=True,
                dealer_quant_batch=QuantBatch(env, created_ids),
            ).action_apply_inventory()
            env.flush_all()
            # Memory stays flat: nothing of this chunk is kept in the cache.
            env.invalidate_all()
            done += len(ids)
            if job:
                job._progress(done=done, total=len(quant_ids))
        if created_ids:
            # Core computes the stored difference of the quants its apply
            # creates once, when it flushes at its end: from their final
            # quantity, whatever the chunk that created them.
            self.env.cr.execute(
                SQL(
                    "UPDATE stock_quant SET inventory_diff_quantity = "
                    "COALESCE(inventory_quantity, 0) - quantity WHERE id = ANY(%s)",
                    created_ids,
                )
            )
            env["stock.quant"].invalidate_model(["inventory_diff_quantity"])
        if reserved_ids:
            env["stock.quant"].browse(
                [qid for qid in quant_ids if qid in reserved_ids]
            ).with_context(
                inventory_mode=True,
                inventory_name=name,
                set_inventory_quantity_auto_apply=True,
            ).action_apply_inventory()
            env.flush_all()
            if job:
                job._progress(done=len(quant_ids), total=len(quant_ids))
        # The moves apply created are the ones after the last move that
        # existed (other transactions' moves are not visible to this one).
        self.env.cr.execute(
            SQL(
                """
                UPDATE stock_move SET dealer_stocktake_id = %s,
                       write_uid = %s, write_date = now() at time zone 'UTC'
                 WHERE id > %s AND is_inventory AND product_id IN (
                       SELECT product_id FROM stock_quant WHERE id = ANY(%s))
                """,
                self.id,
                uid,
                last_move_id,
                quant_ids,
            )
        )
        self.env["stock.move"].invalidate_model(["dealer_stocktake_id"])
        self.invalidate_recordset(["move_ids"])

    def _dealer_apply_order(self, quant_ids):
        """The quants in the order core's single apply would move them, so
        that chunks give core's result: core validates the move lines of all
        quants sorted by ``stock.move.line._order`` (result package, by name,
        descending with the lines without one first; then creation order)."""
        if not quant_ids:
            return []
        self.env.cr.execute(
            SQL(
                """
                SELECT q.id, pkg.name
                  FROM stock_quant q
                  LEFT JOIN stock_quant_package pkg
                    ON pkg.id = q.package_id AND q.inventory_diff_quantity > 0
                 WHERE q.id = ANY(%s)
                """,
                quant_ids,
            )
        )
        packed = {qid: name for qid, name in self.env.cr.fetchall() if name}
        if not packed:
            return quant_ids
        loose = [qid for qid in quant_ids if qid not in packed]
        into_packages = sorted(
            (qid for qid in quant_ids if qid in packed),
            key=lambda qid: packed[qid],
            reverse=True,  # stable: equal names keep their order
        )
        return loose + into_packages

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
