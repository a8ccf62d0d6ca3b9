# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class DealerAssetDisposal(models.Model):
    """A request to dispose of an asset (scrap, sale, donation, loss), approved
    by General Management before the asset is removed (FIN-11)."""

    _name = "dealer.asset.disposal"
    _description = "Asset Disposal Request"
    _inherit = ["mail.thread", "mail.activity.mixin", "dealer.approval.mixin"]
    _order = "id desc"
    _check_company_auto = True

    _dealer_governed = {
        "name": "FIN-11",
        "approved_by_id": "FIN-11",
        "approved_date": "FIN-11",
    }
    _dealer_keep_rule = "FIN-11"
    _dealer_deletable_states = ("draft",)

    _state_from = ["draft"]
    _state_to = ["approved"]
    _cancel_state = "cancel"
    _tier_validation_manual_config = False
    _dealer_approval_rule = "FIN-11"
    _dealer_approval_waiting_state = "draft"

    name = fields.Char(string="Reference", required=True, readonly=True, default="/")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda s: s.env.company
    )
    asset_id = fields.Many2one(
        "account.asset", required=True, check_company=True, tracking=True, index=True
    )
    method = fields.Selection(
        [
            ("scrap", "Scrap"),
            ("sale", "Sale"),
            ("donation", "Donation"),
            ("loss", "Write-off of a loss"),
        ],
        required=True,
        default="scrap",
        tracking=True,
    )
    reason = fields.Text(required=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("approved", "Approved"),
            ("done", "Disposed"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        copy=False,
    )
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    approved_date = fields.Datetime(readonly=True, copy=False)

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        for record in records:
            record._dealer_as_action().write(
                {"name": self.env._("DSP/%(id)05d", id=record.id)}
            )
        return records

    def write(self, vals):
        if {"asset_id", "method", "company_id"} & set(vals) and self.filtered(
            lambda r: r.state != "draft"
        ):
            raise UserError(
                self.env._(
                    "An approved disposal request does not change: request a new "
                    "one (rule FIN-11)."
                )
            )
        return super().write(vals)

    def _dealer_approval_authors(self):
        return super()._dealer_approval_authors() | self.create_uid

    def action_cancel(self):
        if self.filtered(lambda r: r.state == "done"):
            raise UserError(
                self.env._("A carried-out disposal stays on record (rule FIN-11).")
            )
        self._dealer_as_action().write({"state": "cancel"})
