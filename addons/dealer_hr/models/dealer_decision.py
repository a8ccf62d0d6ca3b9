# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class DealerDecision(models.Model):
    _inherit = "dealer.decision"

    kind = fields.Selection(
        selection_add=[("headcount_override", "Hiring beyond the approved headcount")],
        ondelete={"headcount_override": "cascade"},
    )
