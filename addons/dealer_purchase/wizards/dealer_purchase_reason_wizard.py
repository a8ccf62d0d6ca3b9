# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

# The decisions this dialogue records, and the action each one calls. The
# action checks the user's rights and the reason itself: the dialogue only asks.
ACTIONS = {
    "purchase.order": "action_dealer_override",
    "dealer.purchase.plan": "action_cancel",
    "dealer.supplier.evaluation": "action_cancel",
}


class DealerPurchaseReasonWizard(models.TransientModel):
    _name = "dealer.purchase.reason.wizard"
    _description = "Purchasing Decision with its Reason"

    res_model = fields.Char(string="Document Model", required=True, readonly=True)
    res_id = fields.Integer(string="Document ID", required=True, readonly=True)
    note = fields.Text(readonly=True)
    reason = fields.Text(required=True)

    @api.model
    def _dealer_open(self, record, title, note=False):
        """The dialogue that asks why, for ``record``'s decision."""
        return {
            "type": "ir.actions.act_window",
            "name": title,
            "res_model": self._name,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {
                "default_res_model": record._name,
                "default_res_id": record.id,
                "default_note": note or False,
            },
        }

    def action_confirm(self):
        self.ensure_one()
        method = ACTIONS.get(self.res_model)
        if not method:
            raise UserError(self.env._("Nothing to decide here."))
        record = self.env[self.res_model].browse(self.res_id).exists()
        if not record:
            raise UserError(self.env._("The record no longer exists."))
        getattr(record, method)(reason=self.reason or "")
        return {"type": "ir.actions.act_window_close"}
