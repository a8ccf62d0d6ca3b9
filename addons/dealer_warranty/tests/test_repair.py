# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from freezegun import freeze_time

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import DealerWarrantyCommon


@tagged("post_install", "-at_install")
class TestRepair(DealerWarrantyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lot = cls._lot(cls.keyboard, "KB-REP")
        _order, picking = cls._sell(cls.keyboard, 1, cls.lot)
        cls.warranty = picking.dealer_warranty_ids
        cls.part_lot = cls._lot(cls.switch_part, "SW-LOT-7")
        cls._stock(cls.switch_part, 20, cls.part_lot)
        # The customer's unit is at the repair desk (in the repair location).
        cls.repair_type = cls.warehouse.repair_type_id

    def _repair(self, day="2026-06-01", user=None, **values):
        with freeze_time(day):
            vals = {
                "product_id": self.keyboard.id,
                "lot_id": self.lot.id,
                "partner_id": self.customer.id,
                "picking_type_id": self.repair_type.id,
                "user_id": (user or self.after_sales).id,
            }
            vals.update(values)
            return (
                self.env["repair.order"]
                .with_user(user or self.after_sales)
                .create(vals)
            )

    def _add_part(self, repair, qty=2):
        repair.move_ids = [
            Command.create(
                {
                    "product_id": self.switch_part.id,
                    "product_uom_qty": qty,
                    "repair_line_type": "add",
                }
            )
        ]
        return repair.move_ids

    def _record(self, repair, **overrides):
        values = {
            "dealer_fault_cause": "Worn switches",
            "dealer_repair_method": "Replaced two switches",
            "dealer_repair_hours": 0.75,
            "dealer_test_passed": True,
        }
        values.update(overrides)
        repair.write(values)

    def _finish(self, repair):
        self._stock(self.keyboard, 1, self.lot, repair.location_id)
        repair.action_validate()
        repair.action_repair_start()
        for move in repair.move_ids:
            move.move_line_ids.lot_id = self.part_lot
            move.move_line_ids.quantity = move.product_uom_qty
            move.picked = True
        return repair.action_repair_end()

    def test_asv23_repair_in_warranty_is_free(self):
        """ASV-23: a repair of a serial in warranty is under warranty; its
        quotation charges neither parts nor labour."""
        repair = self._repair()
        # Read first, before the warranty link: the order of computation must
        # not matter.
        self.assertTrue(repair.under_warranty)
        self.assertEqual(repair.dealer_warranty_id, self.warranty)
        self._add_part(repair)
        repair.action_create_sale_order()
        order = repair.sale_order_id
        labour = self.env["product.product"].create(
            {"name": "Repair labour", "type": "service", "list_price": 80.0}
        )
        order.order_line = [
            Command.create({"product_id": labour.id, "product_uom_qty": 1})
        ]
        self.assertTrue(order.order_line)
        self.assertEqual(
            order.order_line.mapped("price_unit"), [0.0] * len(order.order_line)
        )
        self.assertEqual(order.amount_total, 0.0)

    def test_asv23_repair_outside_warranty_is_charged(self):
        """ASV-23: after the warranty ended, the repair is charged."""
        repair = self._repair(day="2027-03-16")
        self.assertEqual(repair.dealer_warranty_id, self.warranty)
        self.assertFalse(repair.under_warranty)
        self.assertIn("ended", repair.dealer_warranty_message)
        self._add_part(repair)
        repair.action_create_sale_order()
        self.assertEqual(repair.sale_order_id.order_line.price_unit, 5.0)

    def test_asv23_repair_without_warranty_shows_no_banner(self):
        """A unit with no warranty record (another shop's sale) shows no
        warranty banner, not a raw empty value (issue 19)."""
        walk_in = self.env["res.partner"].create({"name": "Walk-in customer"})
        repair = self._repair(lot_id=False, partner_id=walk_in.id)
        self.assertFalse(repair.dealer_warranty_id)
        self.assertFalse(repair.dealer_warranty_message)
        self.assertFalse(repair.dealer_warranty_covered)
        # Positive control: a covered serial has its banner.
        self.assertTrue(self._repair().dealer_warranty_message)

    def test_asv23_free_repair_outside_warranty_needs_a_manager(self):
        """ASV-23: a free repair outside the warranty is an After-sales
        Manager's recorded decision, with a reason; the invariant holds even
        for a trusted write."""
        repair = self._repair(day="2027-04-01")
        with (
            self.assertRaisesRegex(ValidationError, "ASV-23"),
            self.env.cr.savepoint(),
        ):
            repair.sudo().under_warranty = True
        with self.assertRaises(AccessError):
            repair.with_user(self.after_sales).dealer_warranty_override_reason = "VIP"
        self.env.invalidate_all(flush=False)
        with self.assertRaisesRegex(UserError, "Only an After-sales Manager"):
            repair.with_user(self.after_sales).action_dealer_free()
        manager = repair.with_user(self.after_sales_manager)
        with self.assertRaisesRegex(UserError, "in words"):
            manager.action_dealer_free()
        manager.dealer_warranty_override_reason = "Goodwill: known batch defect"
        manager.action_dealer_free()
        self.assertTrue(repair.under_warranty)
        self.assertEqual(
            repair.dealer_warranty_decision_user_id, self.after_sales_manager
        )
        self.assertTrue(
            any("known batch defect" in (m.body or "") for m in repair.message_ids)
        )

    def test_asv23_charging_a_repair_in_warranty_names_the_exclusion(self):
        """ASV-23: a repair inside the period is charged only for a named
        exclusion (liquid damage, ...), and who charged it is recorded."""
        repair = self._repair()
        with (
            self.assertRaisesRegex(ValidationError, "exclusion"),
            self.env.cr.savepoint(),
        ):
            repair.sudo().under_warranty = False
        as_user = repair.with_user(self.after_sales)
        with self.assertRaisesRegex(UserError, "Not covered because"):
            as_user.action_dealer_charge()
        as_user.dealer_exclusion_id = self.env.ref("dealer_warranty.exclusion_liquid")
        as_user.action_dealer_charge()
        self.assertFalse(repair.under_warranty)
        self.assertEqual(repair.dealer_warranty_decision_user_id, self.after_sales)
        # Back to free under warranty: the exclusion goes.
        as_user.action_dealer_free()
        self.assertTrue(repair.under_warranty)
        self.assertFalse(repair.dealer_exclusion_id)

    def test_asv25_repair_record_is_required(self):
        """ASV-25: fault cause, method and time before a repair is done."""
        repair = self._repair()
        self._record(repair, dealer_fault_cause=False, dealer_repair_hours=0)
        with self.assertRaisesRegex(UserError, "Fault cause, Repair time"):
            self._finish(repair)
        self.assertNotEqual(repair.state, "done")

    def test_policy_off_repair_done_without_its_record(self):
        """A company off the manual (dealer_policy_manual) repairs as in
        Odoo: done without the repair record, Under Warranty as the user sets
        it, no follow-up planned."""
        self.env.company.dealer_policy_manual = False
        repair = self._repair(day="2027-03-16")  # the warranty has ended
        repair.under_warranty = True
        self.assertTrue(repair.under_warranty)
        self._finish(repair)
        self.assertEqual(repair.state, "done")
        self.assertFalse(repair.dealer_followup_date)
        self.assertFalse(repair.activity_ids)

    def test_asv09_full_test_is_required(self):
        """ASV-09: only a product that passed its full test is done."""
        repair = self._repair()
        self._record(repair, dealer_test_passed=False)
        with self.assertRaisesRegex(UserError, "ASV-09"):
            self._finish(repair)

    def test_asv08_asv26_parts_are_traced_from_stock(self):
        """ASV-08/ASV-26: the parts used come out of stock with their lot, so the
        repair is traceable from the part's lot."""
        repair = self._repair()
        self._record(repair)
        self._add_part(repair, qty=2)
        self._finish(repair)
        self.assertEqual(repair.state, "done")
        part_line = repair.move_ids.move_line_ids
        self.assertEqual(part_line.lot_id, self.part_lot)
        self.assertEqual(part_line.location_id, self.stock)
        self.assertEqual(part_line.quantity, 2)
        traced = self.env["stock.move.line"].search(
            [("lot_id", "=", self.part_lot.id), ("move_id.repair_id", "=", repair.id)]
        )
        self.assertEqual(traced, part_line)

    def test_asv08_tracked_part_without_lot_is_refused(self):
        """ASV-08: a tracked part used without its lot cannot be traced."""
        repair = self._repair()
        self._record(repair)
        self._add_part(repair)
        self._stock(self.keyboard, 1, self.lot, repair.location_id)
        repair.action_validate()
        repair.action_repair_start()
        repair.move_ids.move_line_ids.lot_id = False
        repair.move_ids.move_line_ids.quantity = 2
        repair.move_ids.picked = True
        with self.assertRaisesRegex(UserError, "ASV-08"):
            repair.action_repair_end()

    def test_asv26_parts_never_from_pending_inspection(self):
        """ASV-26: replacement parts are issued from accepted stock only."""
        repair = self._repair()
        self._record(repair)
        self._add_part(repair)
        self._stock(self.switch_part, 5, self.part_lot, self.pending)
        self._stock(self.keyboard, 1, self.lot, repair.location_id)
        repair.action_validate()
        repair.action_repair_start()
        repair.move_ids.move_line_ids.unlink()
        self.env["stock.move.line"].create(
            {
                "move_id": repair.move_ids.id,
                "product_id": self.switch_part.id,
                "lot_id": self.part_lot.id,
                "quantity": 2,
                "location_id": self.pending.id,
                "location_dest_id": repair.move_ids.location_dest_id.id,
            }
        )
        repair.move_ids.picked = True
        with self.assertRaisesRegex(UserError, "ASV-26"):
            repair.action_repair_end()

    def test_asv27_customer_notified_and_followed_up(self):
        """ASV-27: the customer gets an email when the repair is done, a
        follow-up call is planned after the configured delay, and its outcome
        is recorded."""
        repair = self._repair()
        self._record(repair)
        self._finish(repair)
        mail = repair.message_ids.filtered(
            lambda m: self.customer in m.partner_ids and "is done" in (m.subject or "")
        )
        self.assertTrue(mail, "The customer is emailed.")
        today = fields.Date.context_today(repair)
        self.assertEqual(repair.dealer_followup_date, today + timedelta(days=3))
        followup_type = self.env.ref(
            "dealer_warranty.mail_activity_type_repair_followup"
        )
        activity = repair.activity_ids.filtered(
            lambda a: a.activity_type_id == followup_type
        )
        self.assertEqual(activity.date_deadline, today + timedelta(days=3))
        self.assertEqual(activity.user_id, self.after_sales)
        with self.assertRaisesRegex(UserError, "satisfied"):
            repair.with_user(self.after_sales).action_dealer_record_followup()
        repair.with_user(self.after_sales).write(
            {
                "dealer_followup_result": "unsatisfied",
                "dealer_followup_comment": "Took too long",
            }
        )
        repair.with_user(self.after_sales).action_dealer_record_followup()
        self.assertEqual(repair.dealer_followup_done_by_id, self.after_sales)
        self.assertFalse(
            repair.activity_ids.filtered(lambda a: a.activity_type_id == followup_type)
        )
        escalation = repair.activity_ids.filtered(
            lambda a: a.user_id.has_group("dealer_base.group_after_sales_manager")
        )
        self.assertIn("Took too long", str(escalation.note))
        self.assertTrue(
            any("Took too long" in (m.body or "") for m in repair.message_ids),
            "The follow-up outcome is in the chatter.",
        )

    def test_asv27_customer_without_email_is_called(self):
        """ASV-27: without an email address, the chatter says to phone."""
        self.customer.email = False
        repair = self._repair()
        self._record(repair)
        self._finish(repair)
        self.assertTrue(any("by phone" in (m.body or "") for m in repair.message_ids))
