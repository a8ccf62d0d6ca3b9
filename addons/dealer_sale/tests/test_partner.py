# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import DealerSaleCommon


@tagged("post_install", "-at_install")
class TestPartner(DealerSaleCommon):
    def test_sal_01_class_from_value_potential_loyalty(self):
        """SAL-01: the acquisition channel is recorded and the class follows the
        criteria; Sales may still set it."""
        self.customer.write(
            {
                "dealer_acquisition_channel": "exhibition",
                "dealer_score_value": "5",
                "dealer_score_potential": "4",
                "dealer_score_loyalty": "4",
            }
        )
        self.assertEqual(self.customer.dealer_customer_class, "important")
        self.customer.dealer_score_value = "1"
        self.customer.dealer_score_potential = "2"
        self.assertEqual(self.customer.dealer_customer_class, "potential")
        self.customer.dealer_customer_class = "general"
        self.assertEqual(self.customer.dealer_customer_class, "general")

    def test_sal_15_channel_partner_needs_an_agreement(self):
        """SAL-15: a distributor or agent has a signed agreement."""
        with self.assertRaisesRegex(ValidationError, "SAL-15"):
            self.customer.dealer_channel_role = "distributor"

    def test_sal_16_evaluation_and_termination(self):
        """SAL-16: a channel partner's evaluation counts its sales; a Sales
        Manager's 'terminate' decision ends the cooperation."""
        self.customer.write(
            {
                "dealer_channel_role": "distributor",
                "dealer_agreement_start": "2026-01-01",
            }
        )
        order = self._quotation(qty=5)
        order.with_user(self.salesperson).action_confirm()
        evaluation = self.env["dealer.channel.evaluation"].create(
            {
                "partner_id": self.customer.id,
                "date_from": "2026-01-01",
                "date_to": "2026-12-31",
            }
        )
        evaluation.action_compute()
        self.assertEqual(evaluation.order_count, 1)
        self.assertEqual(evaluation.sales_amount, 400)
        evaluation.decision = "terminate"
        with self.assertRaisesRegex(UserError, "say why"):
            evaluation.with_user(self.sales_manager).action_done()
        evaluation.comment = "Sales fell below the agreed target twice."
        with self.assertRaisesRegex(UserError, "Sales Manager"):
            evaluation.with_user(self.salesperson).action_done()
        evaluation.with_user(self.sales_manager).action_done()
        self.assertTrue(self.customer.dealer_channel_terminated)
        self.assertEqual(evaluation.evaluator_id, self.sales_manager)
        self.assertTrue(evaluation.closed_on)
        self.assertTrue(
            evaluation.message_ids.filtered(lambda m: "target twice" in m.body)
        )
