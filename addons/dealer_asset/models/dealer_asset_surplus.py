# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError


class DealerAssetSurplus(models.Model):
    """A surplus found by a count, registered on the ledger only once
    General Management approved it (FIN-12): the approval creates the asset."""

    _name = "dealer.asset.surplus"
    _description = "Asset Surplus Registration"
    # dealer_approval: named SUR/00001, approved from draft (FIN-12).
    _inherit = ["dealer.approval.request.mixin"]
    _order = "id desc"
    _check_company_auto = True

    _dealer_governed = {"asset_id": "FIN-12"}
    _dealer_approval_rule = "FIN-12"
    _dealer_request_code = "SUR"
    _dealer_draft_fields = ("profile_id", "value", "description")

    name = fields.Char(string="Reference", required=True, readonly=True, default="/")
    count_line_id = fields.Many2one(
        "dealer.asset.count.line",
        string="Count line",
        readonly=True,
        index="btree_not_null",
        ondelete="restrict",
    )
    count_id = fields.Many2one(related="count_line_id.count_id", store=True)
    description = fields.Char(required=True, tracking=True)
    profile_id = fields.Many2one(
        "account.asset.profile", string="Asset profile", check_company=True
    )
    value = fields.Monetary(
        string="Estimated value", currency_field="currency_id", tracking=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    department_id = fields.Many2one("hr.department", string="Department")
    location = fields.Char()
    state = fields.Selection(
        [("draft", "Draft"), ("approved", "Registered"), ("cancel", "Cancelled")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        copy=False,
    )
    asset_id = fields.Many2one(
        "account.asset", string="Asset", readonly=True, copy=False
    )
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    approved_date = fields.Datetime(readonly=True, copy=False)

    def _dealer_draft_refusal(self):
        return self.env._("A registered surplus does not change (rule FIN-12).")

    def request_validation(self):
        for surplus in self:
            if not surplus.profile_id or surplus.value <= 0:
                raise UserError(
                    self.env._(
                        "Surplus %(name)s needs its asset profile and a positive "
                        "estimated value before approval (fields Asset profile and "
                        "Estimated value, rule FIN-12).",
                        name=surplus.name,
                    )
                )
        return super().request_validation()

    def _dealer_approval_done(self):
        self._dealer_register()

    def _dealer_register(self):
        """The approved surplus enters the ledger as a draft asset."""
        for surplus in self:
            # sudo: the approver registers on the ledger they may not edit.
            asset = (
                self.env["account.asset"]
                .sudo()
                .create(
                    {
                        "name": surplus.description,
                        "company_id": surplus.company_id.id,
                        "profile_id": surplus.profile_id.id,
                        "purchase_value": surplus.value,
                        "date_start": surplus.count_id.closed_date
                        or fields.Date.context_today(self),
                        "dealer_department_id": surplus.department_id.id,
                        "dealer_location": surplus.location,
                    }
                )
            )
            surplus._dealer_as_action().write(
                {
                    "state": "approved",
                    "asset_id": asset.id,
                    "approved_by_id": self.env.user.id,
                    "approved_date": fields.Datetime.now(),
                }
            )

    def _dealer_check_cancel(self):
        if self.filtered(lambda r: r.state == "approved"):
            raise UserError(
                self.env._("A registered surplus stays on record (rule FIN-12).")
            )
