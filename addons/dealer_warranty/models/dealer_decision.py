# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class DealerDecision(models.Model):
    _inherit = "dealer.decision"

    kind = fields.Selection(
        selection_add=[
            ("warranty_window", "Accepted outside the warranty window"),
            ("repair_charged", "Repair charged"),
            ("repair_free", "Repair free of charge"),
        ],
        ondelete={
            "warranty_window": "cascade",
            "repair_charged": "cascade",
            "repair_free": "cascade",
        },
    )
