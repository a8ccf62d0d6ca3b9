# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import DealerSaleCommon

CLAUSES = {"dealer_after_sales_terms": "Three years on-site warranty"}


@tagged("post_install", "-at_install")
class TestQuotation(DealerSaleCommon):
    def test_sal_02_needs_are_captured(self):
        """SAL-02: function, configuration, quantity, budget and scenario."""
        order = self._quotation(
            dealer_need_function="Computer lab for 40 pupils",
            dealer_need_configuration="i5, 16 GB, 512 GB SSD",
            dealer_need_quantity="40",
            dealer_need_budget=200000,
            dealer_need_scenario="Classroom, 8 hours a day",
        )
        self.assertEqual(order.dealer_need_budget, 200000)
        self.assertEqual(order.dealer_technical_state, "none")

    def test_sal_03_solution_needs_technical_approval(self):
        """SAL-03: a solution quotation is not sent nor confirmed before Technical
        approves it with comments; Sales cannot approve it."""
        order = self._quotation(dealer_is_solution=True)
        self.assertEqual(order.dealer_technical_state, "draft")
        with self.assertRaisesRegex(UserError, "SAL-03"):
            order.with_user(self.salesperson).action_quotation_send()
        with self.assertRaisesRegex(UserError, "SAL-03"):
            order.with_user(self.salesperson).action_confirm()
        order.with_user(self.salesperson).action_dealer_request_technical_review()
        self.assertEqual(order.dealer_technical_state, "requested")
        activity = order.activity_ids.filtered(
            lambda a: a.activity_type_id
            == self.env.ref("dealer_sale.mail_activity_type_technical_review")
        )
        self.assertTrue(
            activity.user_id.has_group("dealer_base.group_technical_manager")
        )
        with self.assertRaisesRegex(UserError, "Only the Technical"):
            order.with_user(self.salesperson).action_dealer_technical_approve()
        with self.assertRaisesRegex(UserError, "technical comments"):
            order.with_user(self.technician).action_dealer_technical_approve()
        order.with_user(self.technician).dealer_technical_comment = "Use 650 W PSUs"
        order.with_user(self.technician).action_dealer_technical_approve()
        self.assertEqual(order.dealer_technical_state, "approved")
        self.assertEqual(order.dealer_technical_reviewer_id, self.technician)
        self.assertFalse(order.activity_ids.filtered(lambda a: a == activity))
        action = order.with_user(self.salesperson).action_quotation_send()
        self.assertEqual(action["res_model"], "mail.compose.message")
        order.with_user(self.salesperson).action_confirm()
        self.assertEqual(order.state, "sale")

    def test_sal_09_small_order_needs_no_review(self):
        order = self._quotation()
        self.assertFalse(order.dealer_contract_review_required)
        order.with_user(self.salesperson).action_confirm()
        self.assertEqual(order.state, "sale")

    def test_sal_19_clauses_named_before_review(self):
        """SAL-19: a contract under review states all its clauses."""
        order = self._quotation(product=self.workstation, qty=10)
        self.assertTrue(order.dealer_contract_review_required)
        with self.assertRaisesRegex(
            UserError, "delivery time, payment terms, after-sales service"
        ):
            order.with_user(self.salesperson).request_validation()

    def test_sal_09_sal_20_review_legal_signed_contract_and_copy(self):
        """SAL-09, SAL-25, SAL-20, SAL-04, SAL-10: the Sales Manager then legal
        review the contract; it is confirmed only with the signed contract
        attached, and a copy goes to head office."""
        order = self._quotation(
            product=self.workstation,
            qty=10,
            commitment_date="2026-12-20 09:00:00",
            payment_term_id=self.payment_term.id,
            **CLAUSES,
        )
        order.dealer_signed_contract_ids = [Command.link(self._attachment(order).id)]
        self.env.flush_all()
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            order.with_user(self.salesperson).action_confirm()
        self.env.invalidate_all()
        order.with_user(self.salesperson).request_validation()
        self.assertEqual(len(order.review_ids), 2)
        self.assertFalse(order.with_user(self.salesperson).can_review)
        self.assertFalse(order.with_user(self.legal).can_review, "manager first")
        self._validate(order, self.sales_manager)
        self._validate(order, self.legal)
        self.assertEqual(order.validation_status, "validated")
        contract = order.dealer_signed_contract_ids
        order.dealer_signed_contract_ids = [Command.clear()]
        with self.assertRaisesRegex(UserError, "signed"):
            order.with_user(self.salesperson).action_confirm()
        order.dealer_signed_contract_ids = [Command.set(contract.ids)]
        order.with_user(self.salesperson).action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertIn(self.head_office, order.message_partner_ids)
        filed = order.message_ids.filtered(lambda m: self.head_office in m.partner_ids)
        self.assertEqual(filed.attachment_ids, order.dealer_signed_contract_ids)

    def test_sal_20_legal_review_follows_the_setting(self):
        self.company.dealer_contract_legal_review = False
        order = self._quotation(product=self.workstation, qty=10)
        self.assertTrue(order.dealer_contract_review_required)
        self.assertFalse(order.dealer_legal_review_required)

    def test_sal_05_departments_hear_of_the_order(self):
        """SAL-05: the warehouse, Purchasing (short of stock) and Technical
        (installation) get activities when the order is confirmed."""
        order = self._quotation(product=self.workstation, qty=2)
        order.with_user(self.salesperson).action_confirm()
        users = order.activity_ids.user_id
        for group in ("warehouse_manager", "purchasing_manager", "technical_manager"):
            self.assertTrue(
                users.filtered(
                    lambda u, g=group: u.has_group(f"dealer_base.group_{g}")
                ),
                group,
            )
        self.assertEqual(len(order.activity_ids), 3)
        mouse_order = self._quotation()
        self.env["stock.quant"]._update_available_quantity(
            self.mouse, mouse_order.warehouse_id.lot_stock_id, 10
        )
        mouse_order.with_user(self.salesperson).action_confirm()
        self.assertEqual(len(mouse_order.activity_ids), 1, "in stock, no installation")
        self.assertTrue(
            mouse_order.activity_ids.user_id.has_group(
                "dealer_base.group_warehouse_manager"
            )
        )

    def test_sal_03_technical_sees_solutions_only(self):
        """SAL-03: Technical opens every solution to review it, not the other
        salespeople's ordinary quotations."""
        ordinary = self._quotation()
        solution = self._quotation(dealer_is_solution=True)
        Order = self.env["sale.order"].with_user(self.technician)
        found = Order.search([("id", "in", (ordinary | solution).ids)])
        self.assertEqual(found, solution)
