# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common import DealerWarrantyCommon


@tagged("post_install", "-at_install")
class TestWarrantyReports(DealerWarrantyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lot = cls._lot(cls.keyboard, "KB-CARD")
        cls.order, cls.delivery = cls._sell(cls.keyboard, 1, cls.lot)
        cls.warranty = cls.delivery.dealer_warranty_ids

    def _html(self, report, records):
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            report, records.ids
        )
        return html.decode()

    def test_asv22_warranty_card_is_bilingual(self):
        """ASV-22/ASV-18: the card per serial states period, scope, conditions
        and windows, in Chinese and English."""
        html = self._html("dealer_warranty.report_warranty_card", self.warranty)
        for text in (
            "保修卡",
            "Warranty Card",
            "KB-CARD",
            "Keep the invoice and the seal.",
            "Liquid damage",
            "退货 / Return",
        ):
            self.assertIn(text, html)
        action = self.delivery.action_dealer_print_warranty_cards()
        self.assertEqual(action["report_name"], "dealer_warranty.report_warranty_card")
        self.assertEqual(action["context"]["active_ids"], self.warranty.ids)

    def test_asv18_terms_on_quotation_and_delivery_slip(self):
        """ASV-18/ASV-22: the customer sees the terms on the quotation and the
        delivery slip, and the warranties on the slip."""
        html = self._html("sale.report_saleorder", self.order)
        self.assertIn("Warranty terms", html)
        self.assertIn("Accessories 12 months", html)
        slip = self._html("stock.report_deliveryslip", self.delivery)
        self.assertIn("Accessories 12 months", slip)
        self.assertIn(self.warranty.name, slip)
