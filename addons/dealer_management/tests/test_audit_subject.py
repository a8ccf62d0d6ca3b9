# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""AUD-03 across addons: a special inspection about one product or category
shows the evidence of that subject, not the whole company's."""

import ast
from datetime import datetime

from odoo import fields
from odoo.tests import TransactionCase, tagged

from odoo.addons.dealer_audit.models.mgmtsystem_audit import literal_domain
from odoo.addons.dealer_base.tools import period_of


@tagged("post_install", "-at_install")
class TestAuditSubject(TransactionCase):
    # Not BaseCommon: it would switch the company to USD, and SAL-17's check
    # counts orders in the company's currency (the demo's CNY price lists).
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.Audit = cls.env["mgmtsystem.audit"]
        # CMP-02 is inspected on complaints; here its evidence is SAL-17's
        # check: order lines sold below the approved price, which name a product.
        cls.env["dealer.manual.rule.mechanism"].create(
            {
                "rule_id": cls.env.ref("dealer_base.rule_cmp_02").id,
                "module": "dealer_management",
                "name": "Test: lines below the approved price",
                "check_model": "sale.order.line",
                "check_method": "_dealer_compliance_sal_17",
            }
        )
        Category = cls.env["product.category"]
        cls.laptops = Category.create({"name": "Laptops"})
        cls.cables = Category.create({"name": "Cables"})
        cls.laptop, cls.cable = cls.env["product.product"].create(
            [
                {"name": "Laptop", "list_price": 100.0, "categ_id": cls.laptops.id},
                {"name": "Cable", "list_price": 100.0, "categ_id": cls.cables.id},
            ]
        )
        customer = cls.env["res.partner"].create({"name": "Customer"})
        for product in (cls.laptop, cls.cable):
            order = cls.env["sale.order"].create(
                {
                    "partner_id": customer.id,
                    "company_id": cls.company.id,
                    "order_line": [
                        fields.Command.create(
                            {
                                "product_id": product.id,
                                "product_uom_qty": 1,
                                "price_unit": 50.0,
                            }
                        )
                    ],
                }
            )
            order.action_confirm()
        cls.key, cls.start, cls.end = period_of(fields.Date.context_today(cls.Audit), 3)

    def _inspection(self, trigger, ref):
        vals = self.Audit._dealer_prepare_vals(
            self.company,
            "special",
            self.key,
            self.start,
            self.end,
            dealer_trigger=trigger,
            dealer_trigger_ref=ref,
            dealer_trigger_note=f"Test {ref}",
        )
        inspection = self.Audit._dealer_create_once(vals)
        inspection._dealer_generate_checklist()
        return inspection.line_ids.filtered(
            lambda line: line.dealer_rule_id.code == "CMP-02"
        )

    def _evidence(self, line):
        action = line.action_dealer_open_evidence()
        return self.env[action["res_model"]].search(action["domain"]).product_id

    def test_aud_02_evidence_with_dates_opens(self):
        """AUD-02: a check whose domain holds datetimes (CMP-04's) is stored so
        that its evidence opens."""
        domain = literal_domain([("create_date", ">=", datetime(2026, 1, 1, 8))])
        self.assertEqual(
            ast.literal_eval(repr(domain)),
            [("create_date", ">=", "2026-01-01 08:00:00")],
        )

    def test_aud_03_special_inspection_evidence_is_its_subjects(self):
        product_line = self._inspection(
            "complaints", f"product.product,{self.laptop.id}"
        )
        self.assertEqual(self._evidence(product_line), self.laptop)
        category_line = self._inspection(
            "complaints", f"product.category,{self.cables.id}"
        )
        self.assertEqual(self._evidence(category_line), self.cable)
        # Positive control: the company-wide check sees both products.
        price_line = self._inspection("complaints", "")
        self.assertLessEqual(self.laptop | self.cable, self._evidence(price_line))
        self.assertEqual(
            product_line.dealer_evidence_count + category_line.dealer_evidence_count,
            2,
        )
