# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A document for the recorded-decision tests only (odoo_test_helper)."""

from odoo import fields, models


class DealerDecisionTester(models.Model):
    _name = "dealer.decision.tester"
    _inherit = ["mail.thread", "dealer.decision.mixin"]
    _description = "Decision tester"

    name = fields.Char()
    user_id = fields.Many2one("res.users")

    def action_decide(self, reason, outcome="approved"):
        return self._dealer_decide(
            "approval",
            "TST-10",
            reason,
            outcome=outcome,
            authors=lambda record: record.user_id,
        )
