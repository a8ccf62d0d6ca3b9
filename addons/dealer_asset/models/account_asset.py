# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError

from odoo.addons.dealer_base.tools import policy_records

PHYSICAL_STATES = [
    ("in_use", "In use"),
    ("idle", "Idle"),
    ("damaged", "Damaged"),
    ("repair", "Under repair"),
    ("missing", "Missing"),
]


class AccountAsset(models.Model):
    """The asset ledger (FIN-10): who keeps each asset, where, in which
    department and in which condition; it is disposed of only after an
    approved disposal request (FIN-11)."""

    _inherit = "account.asset"

    dealer_custodian_id = fields.Many2one(
        "hr.employee", string="Custodian", tracking=True, check_company=True
    )
    dealer_department_id = fields.Many2one(
        "hr.department", string="Department", tracking=True, index=True
    )
    dealer_location = fields.Char(string="Location", tracking=True)
    dealer_physical_state = fields.Selection(
        PHYSICAL_STATES,
        string="Physical state",
        default="in_use",
        tracking=True,
    )
    dealer_disposal_ids = fields.One2many(
        "dealer.asset.disposal", "asset_id", string="Disposal requests"
    )

    def _dealer_check_disposal_approved(self):
        # A company that does not run by the manual keeps OCA's removal.
        for asset in policy_records(self):
            if not asset.dealer_disposal_ids.filtered(lambda d: d.state == "approved"):
                raise UserError(
                    self.env._(
                        "Asset %(name)s is disposed of only after an approved "
                        "disposal request (field Disposal requests, rule FIN-11).",
                        name=asset.display_name,
                    )
                )

    def remove(self):
        self._dealer_check_disposal_approved()
        return super().remove()

    def write(self, vals):
        if vals.get("state") == "removed":
            self._dealer_check_disposal_approved()
        res = super().write(vals)
        if vals.get("state") == "removed":
            # sudo: the removal closes its approved request whoever posts it.
            self.sudo().dealer_disposal_ids.filtered(
                lambda d: d.state == "approved"
            )._dealer_as_action().write({"state": "done"})
        return res
