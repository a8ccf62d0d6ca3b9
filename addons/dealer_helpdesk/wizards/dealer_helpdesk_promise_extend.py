# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class DealerHelpdeskPromiseExtend(models.TransientModel):
    """CMP-02: push the promised time back, with the reason told to the file."""

    _name = "dealer.helpdesk.promise.extend"
    _description = "Extend the Promised Time"

    ticket_id = fields.Many2one("helpdesk.ticket", required=True)
    current_date = fields.Datetime(
        string="Promised by", related="ticket_id.dealer_promised_date"
    )
    new_date = fields.Datetime(
        string="New promised time",
        required=True,
        compute="_compute_new_date",
        store=True,
        readonly=False,
        precompute=True,
    )
    reason = fields.Text(required=True)

    @api.depends("ticket_id")
    def _compute_new_date(self):
        for wizard in self:
            wizard.new_date = wizard.ticket_id.dealer_promised_date

    def action_confirm(self):
        self.ensure_one()
        # The ticket checks the user's rights, that the time moves later and
        # that the reason has words (CMP-02).
        self.ticket_id._dealer_extend_promise(self.new_date, self.reason)
        return {"type": "ir.actions.act_window_close"}
