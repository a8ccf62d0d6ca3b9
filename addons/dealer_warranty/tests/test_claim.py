# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import DealerWarrantyCommon


@tagged("post_install", "-at_install")
class TestClaim(DealerWarrantyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lot = cls._lot(cls.keyboard, "KB-CLAIM")
        cls.order, cls.delivery = cls._sell(cls.keyboard, 1, cls.lot)
        cls.warranty = cls.delivery.dealer_warranty_ids

    def _claim(self, claim_type, day, user=None):
        with freeze_time(day):
            return self.Claim.with_user(user or self.after_sales).create(
                {
                    "lot_id": self.lot.id,
                    "claim_type": claim_type,
                    "description": "Keys do not respond",
                }
            )

    def _receive(self, claim):
        """Accept the request and receive the unit back."""
        claim.action_confirm()
        self._validate(claim.return_picking_id)
        return claim

    def _quant_qty(self, location, lot=None):
        return self.env["stock.quant"]._get_available_quantity(
            self.keyboard, location, lot_id=lot or self.lot, strict=True
        )

    def test_asv19_unknown_serial_is_refused(self):
        """A request on a serial we never delivered is refused with a clear
        message."""
        stranger = self._lot(self.keyboard, "KB-STRANGER")
        with self.assertRaisesRegex(ValidationError, "KB-STRANGER"):
            self.Claim.with_user(self.after_sales).create({"lot_id": stranger.id})

    def test_asv19_request_before_delivery_is_refused(self):
        """The request date is the system's: a user cannot give one; and an
        action that dates a request (a ticket's received date) cannot date it
        before the delivery."""
        with self.assertRaisesRegex(UserError, "ASV-19"):
            self.Claim.with_user(self.after_sales).create(
                {"lot_id": self.lot.id, "request_date": "2026-03-10"}
            )
        with self.assertRaisesRegex(ValidationError, "before the delivery.*ASV-19"):
            self.Claim.with_user(self.after_sales)._dealer_as_action().create(
                {"lot_id": self.lot.id, "request_date": "2026-03-10"}
            )

    def test_asv20_accepted_return_waits_in_pending_inspection(self):
        """ASV-19/ASV-20: a request inside its window brings the unit back into
        the pending-inspection area, without a supplier acceptance; the
        responsible gets an activity to inspect it (ASV-24)."""
        claim = self._claim("return", "2026-03-20")
        self.assertEqual(claim.partner_id, self.customer)
        self.assertEqual(claim.warranty_id, self.warranty)
        self.assertTrue(claim.is_eligible)
        claim.with_user(self.after_sales).action_confirm()
        self.assertEqual(claim.state, "to_receive")
        picking = claim.return_picking_id
        self.assertEqual(picking.location_dest_id, self.pending)
        self.assertEqual(picking.move_line_ids.lot_id, self.lot)
        self._validate(picking)
        # Not refunded yet: the order still counts the unit delivered.
        self.assertEqual(self.order.order_line.qty_delivered, 1.0)
        self.assertEqual(claim.state, "to_inspect")
        self.assertEqual(self._quant_qty(self.pending), 1.0)
        self.assertFalse(picking.dealer_inspection_ids)
        activity = claim.activity_ids.filtered(
            lambda a: a.activity_type_id
            == self.env.ref("dealer_warranty.mail_activity_type_claim_inspection")
        )
        self.assertEqual(activity.user_id, self.after_sales)

    def test_asv19_return_outside_window_is_refused(self):
        """ASV-19: the return window closed; the user sees why."""
        claim = self._claim("return", "2026-03-23")
        self.assertFalse(claim.is_eligible)
        with self.assertRaisesRegex(UserError, "return window closed on"):
            claim.with_user(self.after_sales).action_confirm()
        self.assertEqual(claim.state, "draft")
        self.assertFalse(claim.return_picking_id)

    def test_asv19_manager_override_with_reason(self):
        """ASV-19: only an After-sales Manager, with a recorded reason, accepts a
        request outside its window."""
        claim = self._claim("exchange", "2026-04-10")
        with self.assertRaises(AccessError):
            claim.with_user(self.after_sales).override_reason = "Good customer"
        self.env.invalidate_all(flush=False)
        with self.assertRaisesRegex(UserError, "override reason"):
            claim.with_user(self.after_sales_manager).action_confirm()
        self.env.invalidate_all(flush=False)
        claim.with_user(
            self.after_sales_manager
        ).override_reason = "Courier lost a week"
        claim.with_user(self.after_sales_manager).action_confirm()
        self.assertEqual(claim.state, "to_receive")
        self.assertEqual(claim.override_user_id, self.after_sales_manager)
        self.assertTrue(
            any(
                "Courier lost a week" in body
                for body in claim.message_ids.mapped("body")
            )
        )

    def test_asv19_override_disabled_in_settings(self):
        """With overrides disabled, not even a manager accepts outside a window."""
        self.company.dealer_warranty_allow_override = False
        claim = self._claim("exchange", "2026-04-10", user=self.after_sales_manager)
        claim.override_reason = "Please"
        with self.assertRaisesRegex(UserError, "disabled"):
            claim.with_user(self.after_sales_manager).action_confirm()

    def test_asv20_inspection_findings_are_required(self):
        """ASV-20: no outcome without written inspection findings."""
        claim = self._receive(self._claim("exchange", "2026-03-20"))
        with self.assertRaisesRegex(UserError, "inspection findings"):
            claim.with_user(self.after_sales).action_quality_confirmed()

    def test_asv20_refund_after_confirmed_quality_problem(self):
        """ASV-20/ASV-21: a refund voids the warranty, sends the unit to the
        non-conforming area and tells Sales to issue the credit note."""
        claim = self._receive(self._claim("return", "2026-03-20"))
        claim.with_user(self.after_sales).inspection_note = "Dead key matrix"
        claim.with_user(self.after_sales).action_quality_confirmed()
        self.assertEqual(claim.state, "processing")
        self.assertEqual(claim.inspected_by_id, self.after_sales)
        self.assertEqual(self.warranty.state, "void")
        self.assertEqual(self.order.order_line.qty_delivered, 0.0)
        sales_activity = claim.activity_ids.filtered(
            lambda a: a.user_id == self.salesperson
        )
        self.assertIn("credit note", sales_activity.note)
        transfer = claim.picking_ids - claim.return_picking_id
        self.assertEqual(transfer.location_dest_id, self.nonconforming)
        self.assertTrue(
            transfer.activity_ids.user_id.has_group(
                "dealer_base.group_warehouse_manager"
            )
        )
        self._validate(transfer)
        self.assertEqual(self._quant_qty(self.nonconforming), 1.0)
        self.assertEqual(claim.state, "done")
        # The confirmed quality problem counts for the product's quality.
        counts = self.Claim._dealer_quality_claim_counts(self.keyboard)
        self.assertEqual(counts, {self.keyboard.id: 1})
        self.assertEqual(self.keyboard.product_tmpl_id.dealer_claim_count, 1)

    def test_asv20_no_quality_problem_sends_the_unit_back(self):
        """ASV-20: without a confirmed quality problem, nothing is refunded or
        exchanged; the unit goes back to the customer."""
        claim = self._receive(self._claim("exchange", "2026-03-20"))
        claim.inspection_note = "Works fine, customer pressed Fn lock"
        claim.with_user(self.after_sales).action_no_quality_problem()
        self.assertEqual(claim.state, "rejected")
        self.assertEqual(self.warranty.state, "active")
        self.assertEqual(self.order.order_line.qty_delivered, 1.0)
        self.assertFalse(self.Claim._dealer_quality_claim_counts(self.keyboard))
        ship_back = claim.picking_ids - claim.return_picking_id
        self.assertEqual(ship_back.location_id, self.pending)
        self.assertEqual(ship_back.location_dest_id.usage, "customer")
        self.assertEqual(ship_back.move_line_ids.lot_id, self.lot)
        self.assertFalse(claim.replacement_picking_id)

    def test_asv21_exchange_transfers_the_warranty(self):
        """ASV-21/ASV-23: an exchange delivers a replacement; its serial takes
        over the warranty (remaining period) and the old one is void."""
        new_lot = self._lot(self.keyboard, "KB-NEW")
        self._stock(self.keyboard, 1, new_lot)
        claim = self._receive(self._claim("exchange", "2026-03-25"))
        claim.inspection_note = "Two dead keys"
        claim.with_user(self.after_sales).action_quality_confirmed()
        replacement = claim.replacement_picking_id
        self.assertEqual(replacement.location_id, self.stock)
        self.assertTrue(
            claim.activity_ids.filtered(lambda a: a.user_id == self.salesperson)
        )
        nonconforming = claim.picking_ids - claim.return_picking_id - replacement
        self._validate(nonconforming)
        self.assertEqual(claim.state, "processing")
        self._validate(replacement, when="2026-03-27 09:00:00")
        self.assertEqual(claim.state, "done")
        self.assertEqual(self.warranty.state, "void")
        new = claim.new_warranty_id
        self.assertEqual(new.lot_id, new_lot)
        self.assertEqual(new.replaces_id, self.warranty)
        self.assertEqual(self.warranty.replaced_by_id, new)
        self.assertEqual(new.start_date, date(2026, 3, 27))
        self.assertEqual(new.end_date, date(2027, 3, 15))
        self.assertEqual(new.partner_id, self.customer)
        # The replacement delivery does not also create an ordinary warranty.
        self.assertEqual(self.Warranty.search_count([("lot_id", "=", new_lot.id)]), 1)

    def test_asv21_exchange_with_fresh_period(self):
        """Terms may give the replacement unit a fresh full period."""
        # Test setup: a warranty sold under terms giving a fresh period.
        self.warranty.sudo().replacement_period = "fresh"
        new_lot = self._lot(self.keyboard, "KB-FRESH")
        self._stock(self.keyboard, 1, new_lot)
        claim = self._receive(self._claim("exchange", "2026-03-25"))
        claim.inspection_note = "Cracked case from factory"
        claim.action_quality_confirmed()
        self._validate(claim.replacement_picking_id, when="2026-03-27 09:00:00")
        self.assertEqual(claim.new_warranty_id.end_date, date(2027, 3, 27))

    def test_asv20_outcome_is_checked_against_its_own_window(self):
        """Changing the outcome at inspection checks that outcome's window."""
        claim = self._receive(self._claim("exchange", "2026-03-25"))
        claim.write({"inspection_note": "Faulty", "resolution": "return"})
        with self.assertRaisesRegex(UserError, "return window closed"):
            claim.with_user(self.after_sales).action_quality_confirmed()
        self.assertEqual(claim.state, "to_inspect")

    def test_asv20_repair_outcome_ships_the_unit_back(self):
        """A repair outcome repairs the unit in the pending area, free under
        warranty, then sends it back."""
        claim = self._receive(self._claim("repair", "2026-05-02"))
        claim.inspection_note = "Broken USB port"
        claim.with_user(self.after_sales).action_quality_confirmed()
        repair = claim.repair_id
        self.assertTrue(repair.under_warranty)
        self.assertEqual(repair.lot_id, self.lot)
        self.assertEqual(repair.dealer_warranty_id, self.warranty)
        repair.write(
            {
                "dealer_fault_cause": "Solder joint cracked",
                "dealer_repair_method": "Resoldered the port",
                "dealer_repair_hours": 0.5,
                "dealer_test_passed": True,
            }
        )
        repair.action_validate()
        repair.action_repair_start()
        repair.action_repair_end()
        self.assertEqual(repair.state, "done")
        ship_back = claim.picking_ids.filtered(
            lambda p: p.picking_type_code == "outgoing"
        )
        self.assertEqual(ship_back.move_line_ids.lot_id, self.lot)
        self.assertEqual(claim.state, "processing")
        self._validate(ship_back)
        self.assertEqual(claim.state, "done")
        self.assertEqual(self.warranty.state, "active")

    def test_concurrent_state_change_is_refused(self):
        """A request someone else accepted meanwhile is not accepted twice: the
        state is re-read under a row lock, not taken from the stale screen."""
        claim = self._claim("exchange", "2026-03-20")
        self.env.flush_all()
        self.assertEqual(claim.state, "draft")
        # Another user's transaction accepted it; this one still holds "draft".
        self.env.cr.execute(
            "UPDATE dealer_warranty_claim SET state = 'to_receive' WHERE id = %s",
            [claim.id],
        )
        self.assertEqual(claim.state, "draft")
        with self.assertRaisesRegex(UserError, "changed by someone else"):
            claim.action_confirm()
        self.assertFalse(claim.return_picking_id)

    def test_asv20_untracked_partial_refund_keeps_the_rest_covered(self):
        """Untracked products: returning 1 of 5 cables keeps the warranty of the
        other 4; the customer's request is checked by product and customer."""
        _order, delivery = self._sell(self.cable, 5)
        warranty = delivery.dealer_warranty_ids
        with freeze_time("2026-03-18"):
            claim = self.Claim.with_user(self.after_sales).create(
                {
                    "product_id": self.cable.id,
                    "partner_id": self.customer.id,
                    "quantity": 1,
                    "claim_type": "return",
                }
            )
        self.assertEqual(claim.warranty_id, warranty)
        claim.with_user(self.after_sales).action_confirm()
        self.assertEqual(claim.return_picking_id.move_ids.product_uom_qty, 1)
        self._validate(claim.return_picking_id)
        self.assertEqual(claim.state, "to_inspect")
        claim.inspection_note = "Connector broken"
        claim.with_user(self.after_sales).action_quality_confirmed()
        self.assertEqual(warranty.state, "active")
        transfer = claim.picking_ids - claim.return_picking_id
        self._validate(transfer)
        self.assertEqual(claim.state, "done")
        self.assertTrue(
            any("1 of 5 units" in (m.body or "") for m in warranty.message_ids)
        )
