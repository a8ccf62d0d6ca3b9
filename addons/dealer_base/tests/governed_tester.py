# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A model for the guard's tests only (loaded with odoo_test_helper)."""

from odoo import api, fields, models


class DealerGovernedTester(models.Model):
    _name = "dealer.governed.tester"
    _inherit = ["dealer.governed.mixin"]
    _description = "Governed tester"

    _dealer_governed = {"state": "TST-01", "total": "TST-02"}
    _dealer_keep_rule = "TST-03"
    _dealer_deletable_states = ("draft",)

    name = fields.Char()
    company_id = fields.Many2one("res.company")
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Done")], default="draft", required=True
    )
    qty = fields.Float()
    count = fields.Integer()
    size = fields.Integer()
    total = fields.Float(compute="_compute_total", store=True)

    @api.depends("qty")
    def _compute_total(self):
        for rec in self:
            rec.total = rec.qty * 2

    def action_done(self):
        self.check_access("write")
        self._dealer_as_action().write({"state": "done"})


class DealerGovernedTesterExtension(models.Model):
    """A second class of the same model: its declarations add up."""

    _inherit = "dealer.governed.tester"
    _dealer_governed = {"count": "TST-04"}
