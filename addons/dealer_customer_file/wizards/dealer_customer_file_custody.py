# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.dealer_base.tools import has_words


class DealerCustomerFileCustody(models.TransientModel):
    """Change who reads a customer file's data card (CUS-17, CUS-22): its
    salesperson, custodians, customer or company. A Sales Manager or a
    custodian of the file does it, with a reason; the change is posted in the
    file's chatter and written to the access log."""

    _name = "dealer.customer.file.custody"
    _description = "Change of Customer File Custody"

    file_id = fields.Many2one("dealer.customer.file", required=True, readonly=True)
    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        domain="[('share', '=', False)]",
        help="The customer's salesperson, who reads and updates the data card.",
    )
    custodian_ids = fields.Many2many(
        "res.users",
        string="Custodians",
        domain="[('id', 'in', allowed_custodian_ids)]",
    )
    allowed_custodian_ids = fields.Many2many(
        "res.users", compute="_compute_allowed_custodian_ids"
    )
    partner_id = fields.Many2one(
        "res.partner", string="Customer", domain="[('parent_id', '=', False)]"
    )
    company_id = fields.Many2one("res.company")
    reason = fields.Text(required=True)

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        file = self.env["dealer.customer.file"].browse(values.get("file_id")).sudo()
        if file:
            values.setdefault("user_id", file.user_id.id)
            values.setdefault(
                "custodian_ids", [fields.Command.set(file.custodian_ids.ids)]
            )
            values.setdefault("partner_id", file.partner_id.id)
            values.setdefault("company_id", file.company_id.id)
        return values

    @api.depends("company_id", "file_id")
    def _compute_allowed_custodian_ids(self):
        for wizard in self:
            company = wizard.company_id or wizard.file_id.company_id
            wizard.allowed_custodian_ids = company.sudo().dealer_file_custodian_ids

    def action_apply(self):
        self.ensure_one()
        if not has_words(self.reason):
            raise ValidationError(
                self.env._("Say why the custody changes (Reason, CUS-22).")
            )
        file = self.file_id
        current = file.sudo()
        changes = {}
        if self.user_id != current.user_id:
            changes["user"] = self.user_id
        if self.custodian_ids != current.custodian_ids:
            changes["custodians"] = self.custodian_ids
        if self.partner_id != current.partner_id:
            changes["partner"] = self.partner_id
        if self.company_id != current.company_id:
            changes["company"] = self.company_id
        if changes:
            file._dealer_change_custody(reason=self.reason, **changes)
        return {"type": "ir.actions.act_window_close"}
