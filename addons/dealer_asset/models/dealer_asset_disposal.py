# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError


class DealerAssetDisposal(models.Model):
    """A request to dispose of an asset (scrap, sale, donation, loss), approved
    by General Management before the asset is removed (FIN-11)."""

    _name = "dealer.asset.disposal"
    _description = "Asset Disposal Request"
    # dealer_approval: named DSP/00001, approved from draft (FIN-11).
    _inherit = ["dealer.approval.request.mixin"]
    _order = "id desc"
    _check_company_auto = True

    _dealer_approval_rule = "FIN-11"
    _dealer_request_code = "DSP"
    _dealer_draft_fields = ("asset_id", "method", "company_id")

    name = fields.Char(string="Reference", required=True, readonly=True, default="/")
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

    def _dealer_draft_refusal(self):
        return self.env._(
            "An approved disposal request does not change: request a new "
            "one (rule FIN-11)."
        )

    def _dealer_check_cancel(self):
        if self.filtered(lambda r: r.state == "done"):
            raise UserError(
                self.env._("A carried-out disposal stays on record (rule FIN-11).")
            )
