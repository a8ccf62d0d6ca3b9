# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A document for the approval mechanism's tests only (odoo_test_helper)."""

from odoo import api, fields, models


class DealerApprovalTester(models.Model):
    _name = "dealer.approval.tester"
    _inherit = ["dealer.approval.mixin", "mail.thread"]
    _description = "Approval tester"

    _state_from = ["draft"]
    _state_to = ["approved"]
    _cancel_state = "cancel"
    _tier_validation_manual_config = False
    _dealer_approval_rule = "TST-10"

    name = fields.Char()
    state = fields.Selection(
        [("draft", "Draft"), ("approved", "Approved"), ("cancel", "Cancelled")],
        default="draft",
    )
    preparer_id = fields.Many2one("res.users")
    department = fields.Char(default="sales")
    head_group_id = fields.Many2one(
        "res.groups", compute="_compute_head_group_id", store=True
    )

    @api.depends("department")
    def _compute_head_group_id(self):
        for rec in self:
            rec.head_group_id = self.env.ref(
                f"dealer_base.group_{rec.department}_manager"
            )

    def _dealer_approval_authors(self):
        return super()._dealer_approval_authors() | self.preparer_id

    def action_approve(self):
        self._dealer_as_action().write({"state": "approved"})

    def action_cancel(self):
        self._dealer_as_action().write({"state": "cancel"})
