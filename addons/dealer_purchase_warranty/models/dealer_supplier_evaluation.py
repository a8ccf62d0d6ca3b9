# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class DealerSupplierEvaluation(models.Model):
    _inherit = "dealer.supplier.evaluation"

    def _dealer_quality_claims(self, products):
        """PUR-10: confirmed quality claims on the supplier's products in the
        evaluated period (inspection confirmed a quality problem, ASV-20)."""
        claims = super()._dealer_quality_claims(products)
        if not products:
            return claims
        # sudo: the evaluation counts every claim, whoever handled it.
        counts = (
            self.env["dealer.warranty.claim"]
            .sudo()
            ._dealer_quality_claim_counts(products, self.date_from, self.date_to)
        )
        return claims + sum(counts.values())
