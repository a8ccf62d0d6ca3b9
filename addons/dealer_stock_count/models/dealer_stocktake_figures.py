# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class DealerStocktake(models.Model):
    """Figures of a stocktake: counts, variance, approval level, apply
    progress, overdue."""

    # One concern per file (issue 18: files under ~400 lines).
    _inherit = "dealer.stocktake"  # pylint: disable=consider-merging-classes-inherited

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
