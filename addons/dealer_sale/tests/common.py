# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon


class DealerSaleCommon(BaseCommon):
    @classmethod
    def setup_main_company(cls, currency_code=None):
        # Prices are tested in the company's own currency: BaseCommon would
        # switch it to USD, which the CNY price lists of a Chinese company
        # (dealer_management's demo) then convert.
        return super().setup_main_company(
            currency_code=currency_code or cls.env.company.currency_id.name
        )

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.head_office = cls.env["res.partner"].create(
            {"name": "Head Office Archive", "email": "archive@example.com"}
        )
        cls.company.write(
            {
                "dealer_contract_review_amount": 30000.0,
                "dealer_contract_legal_review": True,
                "dealer_contract_signed_required": True,
                "dealer_contract_copy_partner_id": cls.head_office.id,
                "dealer_collection_reminder_days": 1,
                "dealer_collection_call_days": 7,
                "dealer_collection_escalation_days": 30,
                "dealer_price_notice_days": 7,
                "dealer_price_admin_percent": 10.0,
            }
        )
        cls.salesperson = new_test_user(
            cls.env, login="sa_sales", groups="dealer_base.group_sales_user"
        )
        cls.sales_manager = new_test_user(
            cls.env, login="sa_manager", groups="dealer_base.group_sales_manager"
        )
        cls.technician = new_test_user(
            cls.env, login="sa_tech", groups="dealer_base.group_technical_manager"
        )
        cls.legal = new_test_user(
            cls.env, login="sa_legal", groups="dealer_base.group_legal_reviewer"
        )
        cls.admin_manager = new_test_user(
            cls.env, login="sa_admin", groups="dealer_base.group_administration_manager"
        )
        cls.warehouse_manager = new_test_user(
            cls.env, login="sa_stock", groups="dealer_base.group_warehouse_manager"
        )
        cls.purchasing_manager = new_test_user(
            cls.env, login="sa_purchase", groups="dealer_base.group_purchasing_manager"
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Futian School", "email": "school@example.com", "is_company": True}
        )
        cls.workstation = cls.env["product.product"].create(
            {
                "name": "Lab workstation",
                "is_storable": True,
                "list_price": 5000.0,
                "standard_price": 4000.0,
                "dealer_needs_installation": True,
            }
        )
        cls.mouse = cls.env["product.product"].create(
            {
                "name": "Mouse",
                "is_storable": True,
                "list_price": 80.0,
                "standard_price": 50.0,
            }
        )
        cls.payment_term = cls.env.ref("account.account_payment_term_30days")

    def _quotation(self, product=None, qty=1, user=None, **values):
        return (
            self.env["sale.order"]
            .with_user(user or self.salesperson)
            .create(
                dict(
                    {
                        "partner_id": self.customer.id,
                        "order_line": [
                            Command.create(
                                {
                                    "product_id": (product or self.mouse).id,
                                    "product_uom_qty": qty,
                                }
                            )
                        ],
                    },
                    **values,
                )
            )
        )

    def _validate(self, record, user, comment="Reviewed."):
        action = record.with_user(user).validate_tier()
        if isinstance(action, dict):
            self.env["comment.wizard"].with_user(user).with_context(
                **action["context"]
            ).create({"comment": comment}).add_comment()

    def _attachment(self, record, name="contract-signed.pdf"):
        return self.env["ir.attachment"].create(
            {
                "name": name,
                "datas": base64.b64encode(b"%PDF-1.4 signed"),
                "res_model": record._name,
                "res_id": record.id,
            }
        )
