# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class DealerWarrantyExclusion(models.Model):
    """A condition that takes a fault out of warranty (ASV-22)."""

    _name = "dealer.warranty.exclusion"
    _description = "Warranty Exclusion"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    description = fields.Text(translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
