# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class DealerStocktakeCount(models.Model):
    """One submitted count of one line: append-only. A recount is a new
    count; both stay (STK-13, STK-14)."""

    _name = "dealer.stocktake.count"
    _description = "Stocktake Count"
    _inherit = ["dealer.governed.mixin"]
    _order = "line_id, round, id"
    _check_company_auto = True
    _dealer_keep_rule = "STK-13"

    line_id = fields.Many2one(
        "dealer.stocktake.line",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
    )
    stocktake_id = fields.Many2one(
        related="line_id.stocktake_id", store=True, index=True
    )
    company_id = fields.Many2one(related="line_id.company_id", store=True)
    product_id = fields.Many2one(related="line_id.product_id")
    location_id = fields.Many2one(related="line_id.location_id")
    lot_id = fields.Many2one(related="line_id.lot_id")
    sheet_id = fields.Many2one(
        "dealer.stocktake.sheet", required=True, index=True, check_company=True
    )
    counter_id = fields.Many2one(
        "res.users", string="Counter", required=True, index=True
    )
    round = fields.Selection(
        [("count", "Count"), ("recount", "Recount")], required=True
    )
    quantity = fields.Float(required=True, digits="Product Unit of Measure")
    moved_qty = fields.Float(
        string="Moved since snapshot", digits="Product Unit of Measure"
    )
    date = fields.Datetime(required=True, default=fields.Datetime.now)

    _sql_constraints = [
        (
            "quantity_positive",
            "CHECK(quantity >= 0)",
            "A counted quantity cannot be negative.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise UserError(
                self.env._("Counts are recorded by submitting a count sheet (STK-13).")
            )
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            raise UserError(
                self.env._(
                    "A submitted count is never changed; a recount is recorded "
                    "as a new count (STK-13)."
                )
            )
        return super().write(vals)
