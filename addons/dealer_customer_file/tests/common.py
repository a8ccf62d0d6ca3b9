# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon

SECRET = "Guarantee by the principal, 3% rebate"


class DealerCustomerFileCommon(BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.custodian = new_test_user(
            cls.env,
            login="cf_custodian",
            groups="base.group_user,dealer_base.group_file_custodian",
        )
        cls.company.write(
            {
                "dealer_file_custodian_ids": [Command.set(cls.custodian.ids)],
                "dealer_file_grant_default_hours": 8,
                "dealer_file_grant_max_hours": 72,
                "dealer_file_review_months": 3,
                "dealer_file_visit_months": 1,
                "dealer_file_important_revenue": 100000.0,
                "dealer_file_important_orders": 2,
                "dealer_file_general_revenue": 10000.0,
                "dealer_file_leak_deduction_percent": 10.0,
                # Orders in these tests are not about contract review.
                "dealer_contract_review_amount": 10**9,
            }
        )
        cls.salesperson = new_test_user(
            cls.env,
            login="cf_sales",
            groups="dealer_base.group_sales_user,base.group_partner_manager",
        )
        cls.other_sales = new_test_user(
            cls.env,
            login="cf_sales2",
            groups="dealer_base.group_sales_user,base.group_allow_export",
        )
        cls.sales_manager = new_test_user(
            cls.env, login="cf_sales_mgr", groups="dealer_base.group_sales_manager"
        )
        cls.technician = new_test_user(
            cls.env,
            login="cf_tech",
            groups="dealer_base.group_technical_user,base.group_allow_export",
        )
        cls.tech_head = new_test_user(
            cls.env, login="cf_tech_mgr", groups="dealer_base.group_technical_manager"
        )
        cls.admin_manager = new_test_user(
            cls.env,
            login="cf_office_mgr",
            groups="dealer_base.group_administration_manager",
        )
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "Nanshan Middle School",
                "is_company": True,
                "customer_rank": 1,
                "user_id": cls.salesperson.id,
                "email": "it@nanshan-school.example.com",
            }
        )
        cls.file = cls.customer.dealer_customer_file_id
        cls.card = cls.file.sudo().card_ids
        cls.card.write(
            {
                "credit_terms": SECRET,
                "credit_limit": 200000.0,
                "bank_details": "ICBC Shenzhen 6222 0000 1111",
                "contact_ids": [
                    Command.create(
                        {
                            "name": "Principal Li",
                            "mobile": "+86 138 0000 0001",
                            "birthday": "1975-05-04",
                        }
                    )
                ],
            }
        )
        cls.contract = cls.env["ir.attachment"].create(
            {
                "name": "framework-contract.pdf",
                "datas": base64.b64encode(b"%PDF-1.4 " + SECRET.encode()),
                "res_model": cls.card._name,
                "res_id": cls.card.id,
            }
        )

    def _request(self, user=None, **values):
        return (
            self.env["dealer.customer.file.request"]
            .with_user(user or self.technician)
            .create(
                dict(
                    {
                        "file_id": self.file.id,
                        "purpose": "Prepare the network upgrade proposal",
                        "reason": "The school asked for a quote for its lab network",
                    },
                    **values,
                )
            )
        )

    def _tier(self, request, user, method="validate_tier", comment="Signed."):
        action = getattr(request.with_user(user), method)()
        if isinstance(action, dict):
            self.env["comment.wizard"].with_user(user).with_context(
                **action["context"]
            ).create({"comment": comment}).add_comment()
        request.invalidate_recordset()

    def _granted(self, user=None):
        """An approved request of ``user`` (the technician by default)."""
        request = self._request(user=user)
        request.with_user(user or self.technician).request_validation()
        self._tier(request, self.tech_head)
        self._tier(request, self.custodian, comment="Reason sufficient.")
        return request

    def _logs(self, user):
        return self.env["dealer.customer.file.access"].search(
            [("user_id", "=", user.id), ("file_id", "=", self.file.id)]
        )
