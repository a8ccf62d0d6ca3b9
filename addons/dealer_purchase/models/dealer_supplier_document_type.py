# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class DealerSupplierDocumentType(models.Model):
    """A kind of qualification document a supplier provides (PUR-09)."""

    _name = "dealer.supplier.document.type"
    _description = "Supplier Document Type"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    mandatory = fields.Boolean(
        help="A supplier is qualified only with a valid, verified document of "
        "this type.",
    )
    category_ids = fields.Many2many(
        "product.category",
        string="Only for categories",
        help="Mandatory only for suppliers of products in these categories "
        "(e.g. a production licence). Empty: for every supplier.",
    )
    description = fields.Text(translate=True)
