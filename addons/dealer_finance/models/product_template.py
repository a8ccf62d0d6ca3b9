# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

# ADM-12: what a capped travel expense category counts.
CAP_KINDS = [("hotel", "Hotel (per night)"), ("per_diem", "Per diem (per day)")]


class ProductTemplate(models.Model):
    _inherit = "product.template"

    dealer_travel_expense = fields.Boolean(
        string="Travel expense",
        help="Expenses of this category (transport, hotel, per diem) are claimed "
        "only within an approved trip of the same employee (ADM-12, ADM-13).",
    )
    dealer_travel_cap_kind = fields.Selection(
        CAP_KINDS,
        string="Travel cap",
        help="Hotel: the expense's quantity is the nights; per diem: the days. "
        "Above the cap of the trip's city tier and the traveller's grade, the "
        "claim is flagged and General Management approves it (ADM-12).",
    )
