# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""PUR-15: the terms under legal review are the terms confirmed
(purchase.order.line)."""

from odoo import api, models
from odoo.exceptions import UserError
from odoo.tools import plaintext2html

from odoo.addons.dealer_base.tools import policy_records

from .purchase_order import CONTRACT_LINE_FIELDS


class PurchaseOrderLine(models.Model):
    _inherit = "purchase.order.line"

    def _dealer_reviewed_orders(self):
        return self.order_id.filtered(
            lambda o: o.state in ("draft", "sent") and o.review_ids
        )

    def _dealer_check_contract_terms(self, vals=None):
        """PUR-15: the terms under legal review or approved are the terms
        confirmed: restart the validation to change them. Procurement (the
        superuser adding a need to an open request) restarts it instead."""
        if vals is not None and not set(vals) & set(CONTRACT_LINE_FIELDS):
            return
        orders = policy_records(self._dealer_reviewed_orders())
        if not orders:
            return
        if self.env.su:
            for order in orders:
                order.restart_validation()
                order._message_log(
                    body=plaintext2html(
                        self.env._(
                            "Lines changed by the scheduler: the terms go through "
                            "legal review again (PUR-15)."
                        )
                    )
                )
            return
        raise UserError(
            self.env._(
                "The terms of %s are under legal review or approved: restart "
                "its validation to change its lines (PUR-15).",
                orders[0].name,
            )
        )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._dealer_check_contract_terms()
        return lines

    def write(self, vals):
        self._dealer_check_contract_terms(vals)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_dealer_reviewed_terms(self):
        self._dealer_check_contract_terms()
