# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    dealer_travel_expense = fields.Boolean(
        string="Travel expense",
        help="Expenses of this category (transport, hotel, per diem) are claimed "
        "only within an approved trip of the same employee (ADM-12, ADM-13).",
    )
