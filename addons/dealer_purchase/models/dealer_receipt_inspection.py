# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class DealerReceiptInspection(models.Model):
    _inherit = "dealer.receipt.inspection"

    def action_validate(self):
        res = super().action_validate()
        self._dealer_record_quality_breach()
        return res

    def _dealer_record_quality_breach(self):
        """PUR-08, PUR-16: rejected goods are a quality breach of the supplier."""
        for inspection in self.filtered(
            lambda i: i.state == "done" and i.qty_rejected and i.picking_id.purchase_id
        ):
            picking = inspection.picking_id
            rejected = ", ".join(
                f"{line.product_id.display_name} × {line.qty_rejected:g}"
                + (f" ({line.reason_id.name})" if line.reason_id else "")
                for line in inspection.line_ids.filtered("qty_rejected")
            )
            # The warehouse validates acceptances; breaches are Purchasing's record.
            self.env["dealer.supplier.breach"].sudo().create(
                {
                    "partner_id": picking.partner_id.commercial_partner_id.id,
                    "company_id": picking.company_id.id,
                    "purchase_id": picking.purchase_id.id,
                    "picking_id": picking.id,
                    "kind": "quality",
                    "date": fields.Date.context_today(self),
                    "automatic": True,
                    "description": self.env._(
                        "Rejected at acceptance %(inspection)s: %(lines)s",
                        inspection=inspection.name,
                        lines=rejected,
                    ),
                }
            )
