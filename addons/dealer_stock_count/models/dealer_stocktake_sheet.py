# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from psycopg2 import OperationalError

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL, float_compare
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)


class DealerStocktakeSheet(models.Model):
    """What one counter counts in one location: the first count or
    the recount of the lines whose difference exceeded the tolerance
    (STK-14). Submitting it records the counts for good."""

    _name = "dealer.stocktake.sheet"
    _description = "Stocktake Count Sheet"
    _inherit = ["mail.thread", "mail.activity.mixin", "dealer.governed.mixin"]
    _order = "stocktake_id desc, round, location_id"
    _check_company_auto = True
    _rec_names_search = ["stocktake_id", "location_id"]

    # Sheets are opened by the stocktake (start, recount) and closed by their
    # submission; nobody rewrites what was counted where, or by whom.
    _dealer_governed = {
        "stocktake_id": "STK-13",
        "company_id": "STK-13",
        "warehouse_id": "STK-13",
        "location_id": "STK-13",
        "round": "STK-14",
        "state": "STK-13",
        "date_submitted": "STK-13",
        "submitted_by_id": "STK-13",
    }
    _dealer_keep_rule = "STK-13"

    stocktake_id = fields.Many2one(
        "dealer.stocktake",
        required=True,
        ondelete="cascade",
        index=True,
        readonly=True,
    )
    company_id = fields.Many2one(related="stocktake_id.company_id", store=True)
    warehouse_id = fields.Many2one(related="stocktake_id.warehouse_id", store=True)
    stocktake_state = fields.Selection(
        related="stocktake_id.state", string="Stocktake status"
    )
    blind = fields.Boolean(related="stocktake_id.blind")
    location_id = fields.Many2one(
        "stock.location", required=True, readonly=True, index=True, check_company=True
    )
    round = fields.Selection(
        [("count", "Count"), ("recount", "Recount")],
        required=True,
        default="count",
        readonly=True,
    )
    counter_id = fields.Many2one(
        "res.users",
        string="Counter",
        tracking=True,
        index=True,
        check_company=True,
        domain=lambda self: [
            ("groups_id", "in", self.env.ref("dealer_base.group_warehouse_user").id)
        ],
    )
    state = fields.Selection(
        [("todo", "To count"), ("done", "Submitted")],
        default="todo",
        required=True,
        readonly=True,
        tracking=True,
        index=True,
    )
    date_submitted = fields.Datetime(readonly=True)
    submitted_by_id = fields.Many2one("res.users", readonly=True)
    line_ids = fields.One2many("dealer.stocktake.line", "sheet_id", string="Lines")
    recount_line_ids = fields.One2many(
        "dealer.stocktake.line", "recount_sheet_id", string="Lines to recount"
    )
    line_count = fields.Integer(string="Lines to count", compute="_compute_line_count")
    entered_count = fields.Integer(string="Entered", compute="_compute_line_count")

    is_reviewer = fields.Boolean(compute="_compute_is_reviewer")

    @api.depends_context("uid")
    def _compute_is_reviewer(self):
        self.is_reviewer = self.env.user.has_group(
            "dealer_base.group_warehouse_manager"
        )

    def write(self, vals):
        if "counter_id" in vals and not self._dealer_is_trusted():
            if not self.env.user.has_group("dealer_base.group_warehouse_manager"):
                raise AccessError(
                    self.env._(
                        "Only a Warehouse Manager assigns count sheets to counters."
                    )
                )
            submitted = self.filtered(
                lambda sheet: sheet.state == "done"
                and sheet.counter_id.id != vals["counter_id"]
            )
            if submitted:
                raise UserError(
                    self.env._(
                        "Count sheet %s has been submitted: who it was assigned "
                        "to stays as it was (STK-13).",
                        submitted[0].display_name,
                    )
                )
        return super().write(vals)

    @api.depends("round", "location_id", "stocktake_id")
    def _compute_display_name(self):
        for sheet in self:
            label = sheet.location_id.display_name or ""
            if sheet.round == "recount":
                label = self.env._("%s (recount)", label)
            sheet.display_name = f"{sheet.stocktake_id.name} · {label}"

    @api.depends("state", "line_ids.draft_qty_set", "recount_line_ids.draft_qty_set")
    def _compute_line_count(self):
        for sheet in self:
            lines = sheet._counted_lines()
            sheet.line_count = len(lines)
            # Once submitted, every line was entered (the drafts became counts).
            sheet.entered_count = (
                len(lines)
                if sheet.state == "done"
                else len(lines.filtered("draft_qty_set"))
            )

    def _counted_lines(self):
        self.ensure_one()
        return self.recount_line_ids if self.round == "recount" else self.line_ids

    # ------------------------------------------------------------------
    # Submission
    # ------------------------------------------------------------------
    def _check_may_count(self):
        is_manager = self.env.user.has_group("dealer_base.group_warehouse_manager")
        for sheet in self:
            if (
                sheet.counter_id
                and sheet.counter_id != self.env.user
                and not is_manager
            ):
                raise AccessError(
                    self.env._(
                        "Count sheet %(sheet)s is assigned to %(counter)s; only "
                        "they or a Warehouse Manager can count it.",
                        sheet=sheet.display_name,
                        counter=sheet.counter_id.name,
                    )
                )

    def action_submit(self):
        """Record the entered quantities as counts: they cannot be changed
        afterwards; a difference is settled by a recount, which is a new
        count (STK-13, STK-14)."""
        try:
            self.env.cr.execute(
                SQL(
                    "SELECT id FROM dealer_stocktake_sheet WHERE id IN %s "
                    "FOR UPDATE NOWAIT",
                    tuple(self.ids),
                )
            )
        except OperationalError as error:
            raise UserError(
                self.env._("This count sheet is being submitted by someone else.")
            ) from error
        self.invalidate_recordset(["state"])
        self._check_may_count()
        for sheet in self:
            if sheet.state != "todo":
                raise UserError(
                    self.env._(
                        "Count sheet %s has already been submitted; its counts "
                        "are kept as they are.",
                        sheet.display_name,
                    )
                )
            sheet.stocktake_id._check_state("counting")
            lines = sheet._counted_lines().sudo()
            # Read the sheet in one go, whatever its size.
            lines.fetch(
                [
                    "draft_qty",
                    "draft_qty_set",
                    "product_id",
                    "lot_id",
                    "uom_id",
                    "book_qty",
                    "recount_required",
                    "location_id",
                    "stocktake_id",
                ]
            )
            missing = lines.filtered(lambda line: not line.draft_qty_set)
            if missing:
                raise UserError(
                    self.env._(
                        "Enter a counted quantity on every line of %(sheet)s, 0 "
                        "when nothing is found. Still empty: %(lines)s",
                        sheet=sheet.display_name,
                        lines=", ".join(missing[:10].mapped("display_name")),
                    )
                )
            if sheet.round == "recount":
                already = lines.count_ids.counter_id & self.env.user
                if already:
                    raise UserError(
                        self.env._(
                            "A recount must be made by a counter other than the "
                            "first one (STK-14): %s counted these lines already.",
                            self.env.user.name,
                        )
                    )
            lines.with_env(self.env)._register_counts(sheet)
            sheet._dealer_as_action().write(
                {
                    "state": "done",
                    "date_submitted": fields.Datetime.now(),
                    "submitted_by_id": self.env.uid,
                }
            )
            if sheet.round == "count":
                sheet._open_recount()
        self.activity_ids.action_done()
        self.stocktake_id._notify_counting_done()
        return True

    def _open_recount(self):
        """Lines beyond the tolerance go to a new sheet for another counter."""
        self.ensure_one()
        lines = self.env["dealer.stocktake.line"].search(
            [("sheet_id", "=", self.id), ("recount_required", "=", True)]
        )
        if not lines:
            return self.browse()
        stocktake = self.stocktake_id
        others = (stocktake.counter_ids | stocktake.responsible_id) - self.env.user
        # Spread recounts over the other counters, sheet by sheet.
        position = len(stocktake.sheet_ids.filtered(lambda s: s.round == "recount"))
        counter = others[position % len(others)] if others else self.env["res.users"]
        # sudo: the counter who submits opens the recount sheet for another
        # counter, which counters may not do by themselves.
        recount = self.sudo().create(
            {
                "stocktake_id": stocktake.id,
                "location_id": self.location_id.id,
                "counter_id": counter.id,
                "round": "recount",
            }
        )
        lines._dealer_as_action().write({"recount_sheet_id": recount.id})
        if counter:
            recount.activity_schedule(
                "dealer_stock_count.mail_activity_stocktake_count",
                date_deadline=stocktake.deadline,
                user_id=counter.id,
                summary=_lt("Recount %s", recount.display_name),
            )
        recount.message_post(
            body=self.env._(
                "%(count)s line(s) differ beyond the tolerance and must be "
                "recounted by another counter (STK-14).",
                count=len(lines),
            )
        )
        return recount

    def action_export_xlsx(self):
        return self.env.ref(
            "dealer_stock_count.action_report_stocktake_sheet_xlsx"
        ).report_action(self)

    def action_import_xlsx(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "dealer.stocktake.import",
            "view_mode": "form",
            "target": "new",
            "context": {"default_sheet_id": self.id},
        }

    def _is_beyond_tolerance(
        self, variance_qty, expected_qty, variance_value, rounding
    ):
        """STK-14: recount when the difference exceeds either tolerance."""
        company = self.company_id
        if float_compare(variance_qty, 0, precision_rounding=rounding) == 0:
            return False
        percent = company.dealer_stocktake_tolerance_percent
        value = company.dealer_stocktake_tolerance_value
        beyond_qty = abs(variance_qty) > abs(expected_qty) * percent / 100.0
        beyond_value = bool(value) and abs(variance_value) > value
        return beyond_qty or beyond_value
