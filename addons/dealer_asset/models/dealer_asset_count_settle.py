# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError

from odoo.addons.dealer_base.tools import policy_records


class DealerAssetDisposal(models.Model):
    _inherit = "dealer.asset.disposal"

    count_line_id = fields.Many2one(
        "dealer.asset.count.line",
        string="Count line",
        readonly=True,
        index="btree_not_null",
        ondelete="restrict",
        help="The shortage of an asset count this write-off settles (FIN-12).",
    )
    count_id = fields.Many2one(
        related="count_line_id.count_id", store=True, string="Asset count"
    )


class DealerAssetCount(models.Model):
    """After the count (FIN-12): each shortage is written off through a
    disposal request (FIN-11) and each surplus registered through a surplus
    request, both approved by General Management."""

    _inherit = "dealer.asset.count"  # pylint: disable=consider-merging-classes-inherited

    disposal_ids = fields.One2many(
        "dealer.asset.disposal", "count_id", string="Write-offs"
    )
    surplus_ids = fields.One2many(
        "dealer.asset.surplus", "count_id", string="Surplus registrations"
    )
    settlement_count = fields.Integer(
        string="Settlements", compute="_compute_settlement_count"
    )

    def _compute_settlement_count(self):
        for count in self:
            count.settlement_count = len(count.disposal_ids) + len(count.surplus_ids)

    def action_settle(self):
        """Requests for the shortages and surpluses not yet settled; safe to
        press twice."""
        for count in policy_records(self):
            if count.state != "done":
                raise UserError(
                    self.env._(
                        "Count %(name)s is settled once it is approved and closed "
                        "(rule FIN-12).",
                        name=count.name,
                    )
                )
            settled = count.disposal_ids.count_line_id | count.surplus_ids.count_line_id
            shortages = count.line_ids.filtered(
                lambda line, settled=settled: line.result == "not_found"
                and line not in settled
                and line.asset_id
            )
            surpluses = count.line_ids.filtered(
                lambda line, settled=settled: line.result == "surplus"
                and line not in settled
            )
            self.env["dealer.asset.disposal"].create(
                [
                    {
                        "company_id": count.company_id.id,
                        "asset_id": line.asset_id.id,
                        "method": "loss",
                        "reason": line.cause,
                        "count_line_id": line.id,
                    }
                    for line in shortages
                ]
            )
            self.env["dealer.asset.surplus"].create(
                [
                    {
                        "company_id": count.company_id.id,
                        "count_line_id": line.id,
                        "description": line.description
                        or line.note
                        or self.env._("Surplus of %(count)s", count=count.name),
                        "department_id": count.department_id.id,
                        "location": count.location,
                    }
                    for line in surpluses
                ]
            )
        return True
