# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class DealerVisitMaterial(models.Model):
    """What a visitor takes to a customer (CUS-28): company materials,
    contract templates, business cards, the product catalogue."""

    _name = "dealer.visit.material"
    _description = "Customer Visit Material"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
