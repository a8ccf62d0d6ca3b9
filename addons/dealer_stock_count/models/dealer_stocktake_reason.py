# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class DealerStocktakeReason(models.Model):
    """Why counted and book stock differ (STK-14); human error names the
    person responsible (STK-15), the others follow a procedure (STK-16)."""

    _name = "dealer.stocktake.reason"
    _description = "Stocktake Variance Reason"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    requires_responsible = fields.Boolean(
        string="Names the person responsible",
        help="Human error: the line needs the responsible person and an "
        "accountability note (STK-15).",
    )
    procedure = fields.Text(
        translate=True,
        help="How the company handles this kind of variance (STK-16); shown "
        "to the reviewer on each line.",
    )
    company_id = fields.Many2one("res.company", string="Company")

    _sql_constraints = [
        ("code_uniq", "unique(code, company_id)", "The reason code must be unique."),
    ]
