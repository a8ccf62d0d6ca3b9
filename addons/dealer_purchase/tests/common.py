# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from contextlib import contextmanager

from odoo import Command, fields
from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon


class DealerPurchaseCommon(BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.company.write(
            {
                "dealer_qualification_warning_days": 30,
                "dealer_legal_review_amount": 50000.0,
                "dealer_arrival_notice_days": 2,
                "dealer_purchase_plan_budget": 100000.0,
                "dealer_evaluation_grade_a": 85,
                "dealer_evaluation_grade_b": 70,
                "dealer_evaluation_grade_c": 55,
            }
        )
        cls.buyer = new_test_user(
            cls.env, login="pu_buyer", groups="dealer_base.group_purchasing_user"
        )
        cls.purchasing_manager = new_test_user(
            cls.env, login="pu_manager", groups="dealer_base.group_purchasing_manager"
        )
        cls.admin_manager = new_test_user(
            cls.env, login="pu_admin", groups="dealer_base.group_administration_manager"
        )
        cls.legal = new_test_user(
            cls.env, login="pu_legal", groups="dealer_base.group_legal_reviewer"
        )
        cls.warehouse_user = new_test_user(
            cls.env,
            login="pu_stock",
            groups="dealer_base.group_warehouse_manager,stock.group_stock_user",
        )
        cls.technician = new_test_user(
            cls.env, login="pu_tech", groups="dealer_base.group_technical_user"
        )
        cls.warehouse = cls.env["stock.warehouse"].create(
            {"name": "Purchase WH", "code": "PWH", "dealer_zones_enabled": True}
        )
        cls.supplier = cls.env["res.partner"].create(
            {"name": "Hongxin Storage Co.", "is_company": True}
        )
        cls.other_supplier = cls.env["res.partner"].create(
            {"name": "Other Storage Co.", "is_company": True}
        )
        cls.category = cls.env["product.category"].create({"name": "Purchase storage"})
        cls.ssd = cls.env["product.product"].create(
            {
                "name": "NVMe SSD 1TB",
                "is_storable": True,
                "categ_id": cls.category.id,
                "standard_price": 400.0,
                "seller_ids": [
                    Command.create({"partner_id": cls.supplier.id, "price": 100.0})
                ],
            }
        )
        cls.cable = cls.env["product.product"].create(
            {
                "name": "SATA cable",
                "is_storable": True,
                "standard_price": 5.0,
                "seller_ids": [
                    Command.create({"partner_id": cls.other_supplier.id, "price": 5.0})
                ],
            }
        )
        cls.Qualification = cls.env["dealer.supplier.qualification"]
        cls.licence = cls.env.ref("dealer_purchase.document_type_business_licence")
        cls.certificate = cls.env.ref(
            "dealer_purchase.document_type_quality_certificate"
        )
        for partner in (cls.supplier, cls.other_supplier):
            cls._qualify(partner)

    @classmethod
    def _qualify(cls, partner, date_to="2030-12-31"):
        documents = cls.env["dealer.supplier.qualification"]
        for doc_type in (cls.licence, cls.certificate):
            documents |= cls.env["dealer.supplier.qualification"].create(
                {
                    "partner_id": partner.id,
                    "type_id": doc_type.id,
                    "number": f"{partner.id}-{doc_type.id}-{date_to}",
                    "date_from": "2020-01-01",
                    "date_to": date_to,
                }
            )
        documents.with_user(cls.buyer).action_verify()
        return documents

    def assertRaisesRegex(self, expected_exception, expected_regex, *args, **kwargs):
        """As a context manager, inside a savepoint rolled back on the
        expected error (as Odoo's assertRaises): what the refused call wrote
        before raising is undone, as the external API's transaction is."""
        if args or kwargs:
            return super().assertRaisesRegex(
                expected_exception, expected_regex, *args, **kwargs
            )
        return self._dealer_raises_regex(expected_exception, expected_regex)

    @contextmanager
    def _dealer_raises_regex(self, exception, regex):
        with self._assertRaises(exception) as context:
            yield context
        self.assertRegex(str(context.exception), regex)

    def _validate(self, record, user, comment="Checked."):
        """Approve as ``user`` through the comment wizard the tiers ask for."""
        action = record.with_user(user).validate_tier()
        if isinstance(action, dict):
            self.env["comment.wizard"].with_user(user).with_context(
                **action["context"]
            ).create({"comment": comment}).add_comment()

    def _order(self, partner=None, price=100.0, qty=10, product=None, **values):
        order = self.env["purchase.order"].create(
            dict(
                {
                    "partner_id": (partner or self.supplier).id,
                    "picking_type_id": self.warehouse.in_type_id.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": (product or self.ssd).id,
                                "product_qty": qty,
                                "price_unit": price,
                                "date_planned": fields.Datetime.now(),
                            }
                        )
                    ],
                },
                **values,
            )
        )
        return order
