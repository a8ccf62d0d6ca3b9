# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Attacks on every route a user has (issue 15): the rules of dealer_stock_zone
hold for the least-privileged user who could try, through the ORM as that user,
import, context keys and deletion; each attack has a positive control."""

from contextlib import contextmanager

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import DealerStockZoneCommon


@tagged("post_install", "-at_install")
class TestRoutes(DealerStockZoneCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.vendor = cls.env.ref("stock.stock_location_suppliers")
        cls.customers = cls.env.ref("stock.stock_location_customers")
        cls.stock = cls.warehouse.lot_stock_id

    # ------------------------------------------------------------ helpers
    @contextmanager
    def _refused(self, exception, regex):
        """assertRaisesRegex inside a savepoint (Odoo's assertRaises), so that a
        refused attempt leaves nothing behind for the next assertion."""
        with self.assertRaises(exception) as caught:
            yield caught
        self.assertRegex(str(caught.exception), regex)

    def _picking(self, source, dest, quantity=2, user=None, line_dest=None):
        """A confirmed transfer of keyboards from ``source`` to ``dest``, its
        quantity picked, as ``user`` (the warehouse clerk by default)."""
        picking = (
            self.env["stock.picking"]
            .with_user(user or self.stock_user)
            .create(
                {
                    "picking_type_id": self.warehouse.in_type_id.id,
                    "partner_id": self.supplier.id,
                    "location_id": source.id,
                    "location_dest_id": dest.id,
                    "move_ids": [
                        Command.create(
                            {
                                "name": "Keyboards",
                                "product_id": self.keyboard.id,
                                "product_uom_qty": quantity,
                                "product_uom": self.keyboard.uom_id.id,
                                "location_id": source.id,
                                "location_dest_id": dest.id,
                            }
                        )
                    ],
                }
            )
        )
        picking.action_confirm()
        picking.move_ids.quantity = quantity
        if line_dest:
            picking.move_line_ids.location_dest_id = line_dest
        picking.move_ids.picked = True
        return picking

    def _validated(self, quantity=4, rejected=1):
        inspection = self._fill(self._receive(self.keyboard, quantity), rejected)
        inspection.with_user(self.stock_user).action_validate()
        return inspection

    # ------------------------------------------- STK-09, PUR-08: arrivals
    def test_stk_09_receipt_destination_into_stock_is_refused(self):
        """STK-09, PUR-08: supplier goods typed straight into WH/Stock are refused
        when the receipt is validated; the same receipt into pending inspection
        passes and opens its acceptance."""
        picking = self._picking(self.vendor, self.stock)
        with self._refused(UserError, "STK-09"):
            picking.with_user(self.stock_user).button_validate()
        self.assertEqual(
            self.keyboard.with_context(warehouse_id=self.warehouse.id).qty_available, 0
        )
        good = self._picking(self.vendor, self.pending)
        good.with_user(self.stock_user).button_validate()
        self.assertEqual(good.state, "done")
        self.assertTrue(good.dealer_inspection_ids)

    def test_stk_09_receipt_line_destination_is_refused(self):
        """STK-09: a move line pointed at the common area, while the receipt says
        pending inspection, is refused too; so is the non-conforming area."""
        for dest in (self.common, self.nonconforming):
            picking = self._picking(self.vendor, self.pending, line_dest=dest)
            with self.subTest(dest=dest.name), self._refused(UserError, "STK-09"):
                picking.with_user(self.stock_manager).button_validate()

    def test_stk_09_customer_return_lands_in_pending_inspection(self):
        """STK-09: goods coming back from a customer enter only through pending
        inspection, where an acceptance opens for them."""
        returned = self._picking(self.customers, self.stock)
        with self._refused(UserError, "STK-09"):
            returned.with_user(self.stock_user).button_validate()
        returned = self._picking(self.customers, self.pending)
        returned.with_user(self.stock_user).button_validate()
        self.assertEqual(returned.dealer_inspection_ids.line_ids.qty_expected, 2)

    def test_stk_09_location_outside_the_warehouse_is_no_way_round(self):
        """STK-09: a location made outside every warehouse of a company with
        zones is not a way round pending inspection."""
        outside = self.env["stock.location"].create(
            {
                "name": "Back door",
                "usage": "internal",
                "location_id": self.env.ref("stock.stock_location_locations").id,
            }
        )
        picking = self._picking(self.vendor, outside, user=self.stock_manager)
        with self._refused(UserError, "STK-09"):
            picking.with_user(self.stock_manager).button_validate()

    def test_stk_09_warehouse_without_zones_receives_as_usual(self):
        """Positive control: a warehouse without inspection zones receives into
        its stock as Odoo does."""
        plain = self.env["stock.warehouse"].create({"name": "Plain", "code": "PLN"})
        picking = self._picking(self.vendor, plain.lot_stock_id)
        picking.with_user(self.stock_user).button_validate()
        self.assertEqual(picking.state, "done")
        self.assertFalse(picking.dealer_inspection_ids)

    # ----------------------------------------- STK-09: done moves edited
    def test_stk_09_done_receipt_cannot_be_redirected_into_stock(self):
        """STK-09: the done receipt line into pending inspection is not edited to
        book the goods into stock, by the line, the move or the receipt, nor its
        quantity changed; the acceptance records what was found."""
        inspection = self._receive(self.keyboard, 3)
        receipt = inspection.picking_id
        line = receipt.move_line_ids
        editor = self.stock_manager
        if "account.move" in self.env:
            # With stock_account, changing a done quantity first updates its
            # valuation, which reads journal entries: a manager who may read
            # them reaches the zone rule.
            editor = new_test_user(
                self.env,
                login="zone_stock_mgr_acc",
                groups="dealer_base.group_warehouse_manager,"
                "account.group_account_readonly",
            )
        attacks = [
            (line, {"location_dest_id": self.stock.id}),
            (line, {"location_dest_id": self.common.id}),
            (line, {"quantity": 5}),
            (receipt.move_ids, {"location_dest_id": self.stock.id}),
            (receipt.move_ids, {"quantity": 5}),
        ]
        for records, vals in attacks:
            with (
                self.subTest(model=records._name, vals=vals),
                self._refused(UserError, "STK-09"),
            ):
                records.with_user(editor).write(vals)
        self.assertEqual(self.keyboard.product_tmpl_id.dealer_qty_pending_inspection, 3)
        # Positive control: a field that moves no stock is still written.
        line.with_user(editor).write({"lot_name": False})

    def test_stk_09_no_line_added_to_a_done_receipt(self):
        """STK-09: a line added to a done receipt would book goods at once; into
        or out of pending inspection, it is refused."""
        inspection = self._receive(self.keyboard, 3)
        move = inspection.picking_id.move_ids
        for source, dest in ((self.vendor, self.stock), (self.pending, self.stock)):
            with self.subTest(source=source.name), self._refused(UserError, "STK-09"):
                self.env["stock.move.line"].with_user(self.stock_manager).create(
                    {
                        "move_id": move.id,
                        "picking_id": move.picking_id.id,
                        "product_id": self.keyboard.id,
                        "location_id": source.id,
                        "location_dest_id": dest.id,
                        "quantity": 1,
                    }
                )

    def test_stk_09_done_acceptance_moves_are_not_rewritten(self):
        """STK-09: once validated, the acceptance's moves are not edited to take
        more out of pending or to bring non-conforming goods into stock."""
        inspection = self._validated(quantity=4, rejected=1)
        accepted = inspection.move_ids.move_line_ids.filtered(
            lambda line: line.location_dest_id == self.common
        )
        rejected = inspection.move_ids.move_line_ids.filtered(
            lambda line: line.location_dest_id == self.nonconforming
        )
        with self._refused(UserError, "STK-09"):
            accepted.with_user(self.stock_manager).write({"quantity": 10})
        with self._refused(UserError, "STK-09"):
            rejected.with_user(self.stock_manager).write(
                {"location_dest_id": self.common.id}
            )
        self.assertEqual(self.keyboard.product_tmpl_id.dealer_qty_non_conforming, 1)

    def test_stk_09_a_move_cannot_claim_an_acceptance(self):
        """STK-09: the acceptance a move belongs to, which lets it leave pending
        inspection, is set by the acceptance only."""
        held = self._receive(self.keyboard, 4)
        Move = self.env["stock.move"].with_user(self.stock_manager)
        vals = {
            "name": "Forged",
            "product_id": self.keyboard.id,
            "product_uom": self.keyboard.uom_id.id,
            "product_uom_qty": 4,
            "location_id": self.pending.id,
            "location_dest_id": self.common.id,
        }
        with self._refused(UserError, "STK-09"):
            Move.create(dict(vals, dealer_inspection_id=held.id))
        move = Move.create(vals)
        with self._refused(UserError, "STK-09"):
            move.write({"dealer_inspection_id": held.id})
        with self._refused(UserError, "STK-09|STK-10"):
            held.with_user(self.stock_manager).write(
                {"move_ids": [Command.link(move.id)]}
            )
        move._action_confirm()
        move.quantity = 4
        move.picked = True
        with self._refused(UserError, "STK-09"):
            move._action_done()

    # ------------------------------------------------------ context keys
    def test_stk_09_context_keys_switch_no_check_off(self):
        """STK-09: the former keys dealer_inspection_validation and
        dealer_inspection_action, or the guard's key sent as a string (all a
        caller can put in a JSON-RPC context), switch nothing off."""
        held = self._receive(self.keyboard, 4)
        forged = {
            "dealer_inspection_validation": True,
            "dealer_inspection_action": True,
            "dealer_governed": "server",
        }
        move = (
            self.env["stock.move"]
            .with_user(self.stock_manager)
            .with_context(**forged)
            .create(
                {
                    "name": "Out of pending",
                    "product_id": self.keyboard.id,
                    "product_uom": self.keyboard.uom_id.id,
                    "product_uom_qty": 4,
                    "location_id": self.pending.id,
                    "location_dest_id": self.common.id,
                }
            )
        )
        move._action_confirm()
        move.quantity = 4
        move.picked = True
        with self._refused(UserError, "STK-09"):
            move._action_done()
        with self._refused(UserError, "STK-10"):
            held.with_user(self.stock_user).with_context(**forged).write(
                {"state": "done"}
            )
        with self._refused(UserError, "PUR-07"):
            held.with_user(self.stock_user).with_context(**forged).write(
                {"technical_inspector_id": self.tech_user.id}
            )
        self.assertEqual(held.state, "draft")

    # ------------------------------------------- STK-10: the acceptance
    def test_stk_10_acceptance_status_and_results_are_governed(self):
        """STK-10: status, validation stamp, totals, receipt and company of an
        acceptance are written only by its actions."""
        held = self._receive(self.keyboard, 4)
        other_receipt = self._receive(self.keyboard, 1).picking_id
        attacks = {
            "state": "done",
            "date_validated": "2026-01-01 00:00:00",
            "validated_by_id": self.stock_user.id,
            "qty_accepted": 40,
            "qty_expected": 40,
            "picking_id": other_receipt.id,
            "name": "FORGED",
            "joint_acceptance": True,
            "date_received": "2020-01-01 00:00:00",
        }
        for user in (self.stock_user, self.stock_manager):
            for fname, value in attacks.items():
                with (
                    self.subTest(user=user.login, field=fname),
                    self._refused(UserError, "STK-10|PUR-07"),
                ):
                    held.with_user(user).write({fname: value})
        self.assertEqual(held.state, "draft")
        # Positive control: the inspectors' findings are free while it is open.
        held.with_user(self.stock_user).write({"note": "<p>Boxes dented.</p>"})
        held.line_ids.with_user(self.tech_user).write({"qty_counted": 3})

    def test_stk_10_register_keeps_the_receipt_as_received(self):
        """STK-10: editing the done receipt afterwards does not rewrite the
        supplier, source document or date the acceptance registered."""
        inspection = self._validated()
        receipt = inspection.picking_id
        other = self.env["res.partner"].create({"name": "Someone else"})
        receipt.write({"partner_id": other.id, "origin": "EDITED"})
        self.assertEqual(inspection.partner_id, self.supplier)
        self.assertEqual(inspection.origin, "PO-TEST")
        self.assertEqual(inspection.line_ids.partner_id, self.supplier)

    def test_stk_10_acceptance_is_opened_by_its_receipt_only(self):
        """STK-10: nobody opens an acceptance by hand or by copy; its lines come
        from the receipt."""
        held = self._receive(self.keyboard, 4)
        picking = self._picking(self.vendor, self.pending)
        Inspection = self.env["dealer.receipt.inspection"].with_user(self.stock_manager)
        with self._refused(UserError, "STK-10"):
            Inspection.create({"picking_id": picking.id})
        with self._refused(UserError, "STK-10"):
            held.with_user(self.stock_manager).copy()
        with self._refused(UserError, "STK-10"):
            self.env["dealer.receipt.inspection.line"].with_user(
                self.stock_manager
            ).create(
                {
                    "inspection_id": held.id,
                    "product_id": self.keyboard.id,
                    "qty_expected": 10,
                }
            )
        with self._refused(UserError, "STK-10"):
            held.with_user(self.stock_manager).write(
                {
                    "line_ids": [
                        Command.create({"product_id": self.ssd.id, "qty_expected": 1})
                    ]
                }
            )
        self.assertEqual(len(held.line_ids), 1)

    def test_stk_10_lines_keep_what_the_receipt_brought(self):
        """STK-10: a line's product, lot and expected quantity are the receipt's;
        the inspectors write what they found."""
        held = self._receive(self.ssd, 1, lots=["SN-R1"])
        line = held.line_ids
        other_lot = self.env["stock.lot"].create(
            {"name": "SN-OTHER", "product_id": self.ssd.id}
        )
        attacks = {
            "product_id": self.keyboard.id,
            "lot_id": other_lot.id,
            "qty_expected": 5,
            "inspection_id": self._receive(self.keyboard, 1).id,
            "is_discrepancy": True,
            "rejection_rate": 50,
        }
        for user in (self.tech_user, self.stock_manager):
            for fname, value in attacks.items():
                with (
                    self.subTest(user=user.login, field=fname),
                    self._refused(UserError, "STK-10|PUR-07|PUR-10"),
                ):
                    line.with_user(user).write({fname: value})
        line.with_user(self.tech_user).write(
            {"performance_check": "pass", "spec_check": "pass", "qty_counted": 1}
        )
        self.assertEqual(line.qty_expected, 1)

    def test_stk_10_import_cannot_rewrite_an_acceptance(self):
        """STK-10: import (``load``, which the import screen and CSV files use)
        refuses governed fields and passes the inspectors' findings."""
        held = self._receive(self.keyboard, 4)
        Line = self.env["dealer.receipt.inspection.line"].with_user(self.stock_manager)
        result = Line.load([".id", "qty_expected"], [[str(held.line_ids.id), "40"]])
        self.assertFalse(result["ids"])
        self.assertIn("STK-10", result["messages"][0]["message"])
        result = (
            self.env["dealer.receipt.inspection"]
            .with_user(self.stock_manager)
            .load([".id", "state"], [[str(held.id), "done"]])
        )
        self.assertFalse(result["ids"])
        self.assertIn("STK-10", result["messages"][0]["message"])
        result = Line.load([".id", "qty_counted"], [[str(held.line_ids.id), "3"]])
        self.assertEqual(result["ids"], held.line_ids.ids, result["messages"])
        self.assertEqual(held.line_ids.qty_counted, 3)

    def test_stk_10_acceptances_and_lines_are_never_deleted(self):
        """STK-10: the register is kept: validated acceptances, open ones (whose
        goods would otherwise stay in pending inspection for good) and their
        lines are not deleted, by a manager or by sudo."""
        validated = self._validated()
        held = self._receive(self.keyboard, 2)
        for records in (validated, held, validated.line_ids, held.line_ids):
            for target in (records.with_user(self.stock_manager), records.sudo()):
                with self.subTest(records=records), self._refused(UserError, "STK-10"):
                    target.unlink()
        with self._refused(UserError, "STK-10"):
            held.with_user(self.stock_manager).write(
                {"line_ids": [Command.delete(held.line_ids.id)]}
            )
        self.assertTrue(held.line_ids.exists())

    def test_stk_10_validated_acceptance_is_kept_as_found(self):
        """STK-10: once validated, nothing of it changes (status, findings, note,
        photos, lines); cancel and reset are refused; the chatter takes remarks."""
        inspection = self._validated()
        manager = inspection.with_user(self.stock_manager)
        photo = self.env["ir.attachment"].create({"name": "later.jpg", "raw": b"x"})
        for vals in (
            {"note": "<p>Rewritten</p>"},
            {"photo_ids": [Command.link(photo.id)]},
            {"cancel_reason": "Oops"},
        ):
            with self.subTest(vals=vals), self._refused(UserError, "STK-10"):
                manager.write(vals)
        with self._refused(UserError, "STK-10"):
            inspection.line_ids.with_user(self.stock_manager).write(
                {"qty_rejected": 0, "qty_accepted": 4}
            )
        with self._refused(UserError, "STK-10"):
            manager.action_cancel()
        manager.action_reset_to_draft()
        self.assertEqual(inspection.state, "done")
        manager.message_post(body="Supplier collected the damaged unit.")

    def test_stk_10_cancelling_keeps_who_and_why(self):
        """STK-10: an acceptance is cancelled by a Warehouse Manager with a
        reason that has words; the chatter keeps who and why."""
        held = self._receive(self.keyboard, 1)
        manager = held.with_user(self.stock_manager)
        manager.cancel_reason = "   "
        with self._refused(ValidationError, "STK-10"):
            manager.action_cancel()
        manager.cancel_reason = "Supplier took the parcel back unopened"
        with self.assertRaises(AccessError):
            held.with_user(self.stock_user).action_cancel()
        manager.action_cancel()
        self.assertEqual(held.state, "cancel")
        self.assertTrue(
            held.message_ids.filtered(
                lambda message: "unopened" in message.body
                and message.author_id == self.stock_manager.partner_id
            )
        )

    # --------------------------------------------- PUR-07: signatures
    def test_pur_07_inspectors_sign_with_their_own_login(self):
        """PUR-07: an inspector is a member of the department who signs with
        their own login, not a name a warehouse clerk types."""
        held = self._receive(self.keyboard, 2)
        clerk = held.with_user(self.stock_user)
        for fname, user in (
            ("technical_inspector_id", self.tech_user),
            ("purchasing_inspector_id", self.purchase_user),
            ("warehouse_inspector_id", self.stock_manager),
        ):
            with self.subTest(field=fname), self._refused(UserError, "PUR-07"):
                clerk.write({fname: user.id})
        with self.assertRaises(AccessError):
            clerk.action_sign_technical()
        with self.assertRaises(AccessError):
            held.with_user(self.tech_user).action_sign_purchasing()
        with self.assertRaises(AccessError):
            held.with_user(self.sales_user).action_sign_warehouse()
        # Positive control: each signs for their own department.
        held.with_user(self.tech_user).action_sign_technical()
        held.with_user(self.purchase_user).action_sign_purchasing()
        self.assertEqual(held.technical_inspector_id, self.tech_user)
        self.assertEqual(held.purchasing_inspector_id, self.purchase_user)
        tech2 = new_test_user(
            self.env, login="zone_tech2", groups="dealer_base.group_technical_user"
        )
        with self._refused(UserError, "PUR-07"):
            held.with_user(tech2).action_sign_technical()
        self._fill(held)
        held.with_user(self.stock_user).action_validate()
        self.assertEqual(held.warehouse_inspector_id, self.stock_user)

    def test_pur_07_one_person_signs_for_one_department(self):
        """PUR-07: a user in two departments cannot sign for both, nor validate
        as the warehouse after signing as Technical."""
        both = new_test_user(
            self.env,
            login="zone_both",
            groups="dealer_base.group_warehouse_user,dealer_base.group_technical_user",
        )
        held = self._receive(self.keyboard, 2)
        held.with_user(both).action_sign_technical()
        with self._refused(UserError, "PUR-07"):
            held.with_user(both).action_sign_warehouse()
        held.with_user(self.purchase_user).action_sign_purchasing()
        held.line_ids.write(
            {"spec_check": "pass", "appearance_check": "pass", "qty_accepted": 2}
        )
        with self._refused(UserError, "PUR-07"):
            held.with_user(both).action_validate()
        self.assertEqual(held.state, "draft")
        held.with_user(self.stock_user).action_validate()
        self.assertEqual(held.state, "done")

    def test_pur_07_joint_acceptance_is_the_default_and_is_frozen(self):
        """PUR-07: Purchasing signs every acceptance by default; the setting in
        force at validation is kept with the acceptance (settings apply
        forward)."""
        company = self.env["res.company"].create({"name": "Fresh Co"})
        self.assertTrue(company.dealer_purchasing_cosign_always)
        held = self._receive(self.keyboard, 2)
        held.with_user(self.tech_user).action_sign_technical()
        held.line_ids.write(
            {"spec_check": "pass", "appearance_check": "pass", "qty_accepted": 2}
        )
        self.assertFalse(held.line_ids.is_discrepancy)
        with self._refused(ValidationError, "Purchasing inspector"):
            held.with_user(self.stock_user).action_validate()
        held.with_user(self.purchase_user).action_sign_purchasing()
        held.with_user(self.stock_user).action_validate()
        self.assertTrue(held.joint_acceptance)
        self.env.company.dealer_purchasing_cosign_always = False
        self.assertTrue(held.purchasing_required, "validated under joint acceptance")
        with self._refused(UserError, "STK-10|PUR-07"):
            held.with_user(self.stock_manager).write({"joint_acceptance": False})

    def test_pur_07_signature_withdrawn_only_by_its_signer(self):
        """PUR-07: a signature is withdrawn by its signer, while it is open."""
        held = self._receive(self.keyboard, 2)
        held.with_user(self.tech_user).action_sign_technical()
        with self._refused(UserError, "not signed"):
            held.with_user(self.stock_user).action_withdraw_signature()
        self.assertEqual(held.technical_inspector_id, self.tech_user)
        held.with_user(self.tech_user).action_withdraw_signature()
        self.assertFalse(held.technical_inspector_id)

    # ---------------------------------------- STK-07: bad numbers
    def test_stk_07_negative_and_impossible_quantities(self):
        """STK-07: a negative, NaN or infinite quantity is refused with the
        field's name, never a server error."""
        held = self._receive(self.keyboard, 2)
        line = held.line_ids.with_user(self.tech_user)
        for fname, label in (
            ("qty_counted", "Counted"),
            ("qty_accepted", "Accepted"),
            ("qty_rejected", "Rejected"),
        ):
            with (
                self.subTest(field=fname),
                self._refused(ValidationError, f"{label}.*STK-07"),
            ):
                line.write({fname: -1})
                line.flush_recordset()
        for value in (float("nan"), float("inf")):
            with self.subTest(value=value), self._refused(ValidationError, "Counted"):
                line.write({"qty_counted": value})

    # ------------------------------------ STK-05: the areas themselves
    def test_stk_05_held_areas_are_made_by_the_setting_only(self):
        """STK-05, STK-09: no location is turned into, out of, or moved as a
        pending-inspection or non-conforming area by hand, and the warehouse is
        not pointed at another one."""
        manager = self.stock_manager
        Location = self.env["stock.location"].with_user(manager)
        attacks = [
            (self.stock, {"dealer_zone_type": "pending_inspection"}),
            (self.pending, {"dealer_zone_type": "common"}),
            (self.pending, {"dealer_zone_type": False}),
            (self.pending, {"location_id": self.stock.id}),
            (self.nonconforming, {"location_id": self.stock.id}),
            (self.pending, {"usage": "transit"}),
        ]
        for location, vals in attacks:
            with (
                self.subTest(location=location.name, vals=vals),
                self._refused(UserError, "STK-09"),
            ):
                location.with_user(manager).write(vals)
        with self._refused(UserError, "STK-09"):
            Location.create(
                {
                    "name": "Fake pending",
                    "location_id": self.stock.id,
                    "dealer_zone_type": "pending_inspection",
                }
            )
        with self._refused(UserError, "STK-09"):
            self.warehouse.with_user(manager).write(
                {"dealer_pending_location_id": self.stock.id}
            )
        # Positive control: more common or special areas may be added (STK-05).
        shelf = Location.create(
            {
                "name": "Shelf C",
                "location_id": self.stock.id,
                "dealer_zone_type": "common",
            }
        )
        self.assertEqual(shelf.dealer_zone_type, "common")
        self.pending.with_user(manager).write({"name": "Pending (dock 2)"})

    def test_stk_09_zones_not_switched_off_under_held_goods(self):
        """STK-09: a warehouse's zones are not switched off while goods wait in
        pending inspection; a warehouse with nothing held may switch them off."""
        self._receive(self.keyboard, 2)
        with self._refused(UserError, "STK-09"):
            self.warehouse.with_user(self.stock_manager).write(
                {"dealer_zones_enabled": False}
            )
        empty = self.env["stock.warehouse"].create(
            {"name": "Empty", "code": "EMP", "dealer_zones_enabled": True}
        )
        empty.with_user(self.stock_manager).write({"dealer_zones_enabled": False})
        self.assertNotEqual(
            empty.in_type_id.default_location_dest_id,
            empty.dealer_pending_location_id,
        )

    def test_stk_05_acceptance_company_is_its_receipt_company(self):
        """STK-05: an acceptance belongs to its receipt's company, whoever makes
        it."""
        other = self.env["res.company"].create({"name": "Lighting Office Co."})
        picking = self._picking(self.vendor, self.pending)
        with self._refused(UserError, "Incompatible companies"):
            self.env["dealer.receipt.inspection"].sudo().create(
                {"picking_id": picking.id, "company_id": other.id}
            )

    # ------------------------------------ product zone quants (no context key)
    def test_stk_09_zone_quants_without_a_context_key(self):
        """STK-09: the product's held stock opens per area by its own button,
        not by a zone read from the caller's context."""
        inspection = self._validated(quantity=3, rejected=1)
        template = self.keyboard.product_tmpl_id
        Quant = self.env["stock.quant"]
        pending = Quant.search(template.action_dealer_view_pending_quants()["domain"])
        rejected = Quant.search(
            template.action_dealer_view_nonconforming_quants()["domain"]
        )
        self.assertFalse(sum(pending.mapped("quantity")))
        self.assertEqual(rejected.location_id, self.nonconforming)
        self.assertEqual(inspection.qty_rejected, 1)
