# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""SAL-05, SAL-10: what follows a confirmed order (sale.order)."""

from odoo import models
from odoo.tools.translate import LazyTranslate

from odoo.addons.dealer_base.tools import policy_records

_lt = LazyTranslate(__name__)


class SaleOrder(models.Model):
    _inherit = "sale.order"  # pylint: disable=consider-merging-classes-inherited

    # ------------------------------------------------------------------ SAL-05, SAL-10
    def _dealer_after_confirm(self):
        for order in policy_records(self).filtered(lambda o: o.state == "sale"):
            order._dealer_file_contract_copy()
            order._dealer_inform_departments()

    def _dealer_file_contract_copy(self):
        """SAL-10: head office gets a copy of the signed contract."""
        self.ensure_one()
        head_office = self.company_id.dealer_contract_copy_partner_id
        if not head_office:
            return
        self.message_subscribe(partner_ids=head_office.ids)
        self.message_post(
            body=self.env._(
                "Signed contract of %s, filed with head office.", self.name
            ),
            partner_ids=head_office.ids,
            attachment_ids=self.dealer_signed_contract_ids.ids,
            subtype_xmlid="mail.mt_comment",
        )

    def _dealer_inform_departments(self):
        """SAL-05: Purchasing, Warehouse and Technical hear of the order."""
        self.ensure_one()
        # Lazy: each head reads the activity in their own language.
        _ = _lt
        lines = self.order_line.filtered(
            lambda ln: ln.product_id and not ln.display_type
        )
        # Free stock of every product in one computation, not one per line.
        stock = lines.product_id.with_context(warehouse_id=self.warehouse_id.id)
        free = dict(zip(stock.ids, stock.mapped("free_qty"), strict=True))
        short = lines.filtered(
            lambda ln: ln.product_id.is_storable
            and free[ln.product_id.id] < ln.product_uom_qty
        )
        install = lines.filtered(lambda ln: ln.product_id.dealer_needs_installation)
        todo = [
            ("warehouse", _("Prepare the delivery of %s", self.name), True),
            (
                "purchasing",
                _(
                    "Buy for %(order)s: %(products)s",
                    order=self.name,
                    products=", ".join(short.product_id.mapped("display_name")),
                ),
                bool(short),
            ),
            (
                "technical",
                _(
                    "Install or configure for %(order)s: %(products)s",
                    order=self.name,
                    products=", ".join(install.product_id.mapped("display_name")),
                ),
                bool(install),
            ),
        ]
        for department, summary, needed in todo:
            user = self.company_id._dealer_department_head(department)
            if needed and user:
                self.activity_schedule(
                    "mail.mail_activity_data_todo", summary=summary, user_id=user.id
                )
