# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Issue 15: the warranty rules hold on every route a user has, not only on the
buttons: direct writes of fields the form shows read-only (what the external API
does), create, import (``load``), context keys and delete. Each attack is made by
the least-privileged user who could try it, with a positive control."""

from contextlib import contextmanager

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import DealerWarrantyCommon


@tagged("post_install", "-at_install")
class TestRoutes(DealerWarrantyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_manager = new_test_user(
            cls.env,
            login="wa_other_manager",
            groups="dealer_base.group_after_sales_manager,stock.group_production_lot",
        )
        cls.lot = cls._lot(cls.keyboard, "KB-ROUTE")
        cls.order, cls.delivery = cls._sell(cls.keyboard, 1, cls.lot)
        cls.warranty = cls.delivery.dealer_warranty_ids
        cls.exclusion = cls.env.ref("dealer_warranty.exclusion_liquid")

    # ------------------------------------------------------------------ helpers
    @contextmanager
    def _refused(self, exception, regex):
        """The attack raises ``exception`` matching ``regex``; what it may have
        put in the cache is rolled back with it, as a request's would be."""
        with self.assertRaisesRegex(exception, regex), self.env.cr.savepoint():
            yield

    def _claim(self, day, user=None, **values):
        vals = {"lot_id": self.lot.id, "claim_type": "exchange"}
        vals.update(values)
        with freeze_time(day):
            return self.Claim.with_user(user or self.after_sales).create(vals)

    def _inspected(self, day="2026-03-20"):
        """An exchange accepted, received and confirmed (processing)."""
        claim = self._claim(day)
        with freeze_time(day):
            claim.action_confirm()
        self._validate(claim.return_picking_id)
        claim.inspection_note = "Dead key matrix"
        claim.with_user(self.after_sales).action_quality_confirmed()
        return claim

    def _repair(self, day="2026-06-01", user=None, **values):
        vals = {
            "product_id": self.keyboard.id,
            "lot_id": self.lot.id,
            "partner_id": self.customer.id,
            "picking_type_id": self.warehouse.repair_type_id.id,
        }
        vals.update(values)
        with freeze_time(day):
            return (
                self.env["repair.order"]
                .with_user(user or self.after_sales)
                .create(vals)
            )

    # ------------------------------------------------------------------ warranty
    def test_asv22_warranty_snapshot_refused_to_a_manager(self):
        """ASV-22/ASV-19: the terms, dates, windows, unit and status a warranty
        was sold with are refused even to the After-sales Manager, who may
        write warranties; a field outside the snapshot is written."""
        warranty = self.warranty.with_user(self.after_sales_manager)
        attacks = {
            "end_date": ("2030-01-01", "ASV-22"),
            "start_date": ("2026-03-16", "ASV-22"),
            "return_deadline": ("2026-12-31", "ASV-19"),
            "exchange_days": (365, "ASV-19"),
            "period_months": (60, "ASV-22"),
            "cover_onsite": (True, "ASV-22"),
            "partner_id": (self.other_customer.id, "ASV-22"),
            "state": ("expired", "ASV-22"),
            "quantity": (5.0, "ASV-22"),
            "company_id": (self.env["res.company"].create({"name": "X"}).id, "ASV-22"),
            "name": ("WAR/FORGED", "ASV-22"),
        }
        for fname, (value, rule) in attacks.items():
            with (
                self.subTest(field=fname),
                self._refused(UserError, rule),
            ):
                warranty.write({fname: value})
        self.assertEqual(self.warranty.state, "active")
        self.assertEqual(str(self.warranty.end_date), "2027-03-15")
        # Positive control: the void reason is the manager's to write.
        warranty.void_reason = "Unit recalled by the maker"
        self.assertEqual(self.warranty.void_reason, "Unit recalled by the maker")

    def test_asv22_install_context_key_switches_nothing_off(self):
        """The former ``dealer_warranty_install`` key, and the guard's own key
        sent as a string (what JSON-RPC can carry), unlock nothing."""
        warranty = self.warranty.with_user(self.after_sales_manager)
        for context in (
            {"dealer_warranty_install": True},
            {"dealer_governed": "server"},
        ):
            with (
                self.subTest(context=context),
                self._refused(UserError, "ASV-22"),
            ):
                warranty.with_context(**context).write({"end_date": "2031-01-01"})
        self.assertEqual(str(self.warranty.end_date), "2027-03-15")

    def test_asv22_import_of_a_warranty_is_refused(self):
        """Import (``load``) of a longer warranty is refused with the rule; an
        export imported back unchanged passes."""
        Warranty = self.Warranty.with_user(self.after_sales_manager)
        result = Warranty.load(
            [".id", "end_date"], [[str(self.warranty.id), "2031-01-01"]]
        )
        self.assertFalse(result["ids"])
        self.assertIn("ASV-22", result["messages"][0]["message"])
        result = Warranty.load(
            [".id", "end_date"], [[str(self.warranty.id), "2027-03-15"]]
        )
        self.assertEqual(result["ids"], self.warranty.ids, result["messages"])

    def test_asv22_void_records_who_when_why(self):
        """ASV-22: voiding is the manager's action, with a reason in words; who
        and when are recorded, the reason is settled, and the status cannot be
        written back."""
        warranty = self.warranty.with_user(self.after_sales_manager)
        with self._refused(UserError, "ASV-22"):
            warranty.write({"state": "void"})
        warranty.void_reason = "   "
        with self._refused(UserError, "in words"):
            warranty.action_void()
        warranty.void_reason = "Sold by mistake"
        warranty.action_void()
        self.assertEqual(self.warranty.state, "void")
        self.assertEqual(self.warranty.void_user_id, self.after_sales_manager)
        self.assertTrue(self.warranty.void_date)
        with self._refused(UserError, "ASV-22"):
            warranty.void_reason = "Something else"
        with self._refused(UserError, "ASV-22"):
            warranty.write({"state": "active"})
        with self._refused(UserError, "ASV-22"):
            warranty.write({"void_user_id": self.after_sales.id})

    def test_asv22_warranties_are_never_deleted(self):
        """ASV-22: nobody deletes a warranty, not even with sudo; void it."""
        with self.assertRaises(AccessError):
            self.warranty.with_user(self.after_sales_manager).unlink()
        with self._refused(UserError, "ASV-22"):
            self.warranty.sudo().unlink()
        self.assertTrue(self.warranty.exists())

    # ------------------------------------------------------------------ request date
    def test_asv19_request_date_cannot_be_backdated(self):
        """ASV-19: 20 days after delivery the return window is closed; a
        salesperson or After-sales user cannot date the request back into it,
        by write, create, import or a context default."""
        claim = self._claim("2026-04-04", claim_type="return")
        self.assertFalse(claim.is_eligible)
        for user in (self.salesperson, self.after_sales):
            with (
                self.subTest(user=user.login),
                self._refused(UserError, "Request Date.*ASV-19"),
            ):
                claim.with_user(user).write({"request_date": "2026-03-17"})
        with (
            freeze_time("2026-04-04"),
            self._refused(UserError, "ASV-19"),
        ):
            self.Claim.with_user(self.after_sales).create(
                {
                    "lot_id": self.lot.id,
                    "claim_type": "return",
                    "request_date": "2026-03-17",
                }
            )
        with freeze_time("2026-04-04"):
            result = self.Claim.with_user(self.after_sales).load(
                ["lot_id", "claim_type", "request_date"],
                [["KB-ROUTE", "return", "2026-03-17"]],
            )
        self.assertFalse(result["ids"])
        self.assertIn("ASV-19", result["messages"][0]["message"])
        # A context default is the caller's too: the request is dated today.
        with freeze_time("2026-04-04"):
            forged = (
                self.Claim.with_user(self.after_sales)
                .with_context(default_request_date="2026-03-17")
                .create({"lot_id": self.lot.id, "claim_type": "return"})
            )
        self.assertEqual(str(forged.request_date), "2026-04-04")
        self.assertFalse(forged.is_eligible)
        with self._refused(UserError, "return window closed"):
            forged.with_user(self.after_sales).action_confirm()
        # Positive control: the date the request got when it was recorded.
        self.assertEqual(str(claim.request_date), "2026-04-04")

    def test_asv19_request_date_outside_its_window_is_invalid(self):
        """ASV-19: an action that dates a request from its own record (a
        ticket's received date) still cannot date it in the future or before
        the delivery: a ValidationError names the field and the rule."""
        Claim = self.Claim.with_user(self.after_sales)._dealer_as_action()
        with (
            freeze_time("2026-03-20"),
            self._refused(ValidationError, "Request Date.*future.*ASV-19"),
        ):
            Claim.create({"lot_id": self.lot.id, "request_date": "2026-03-25"})
        with self._refused(
            ValidationError, "Request Date.*before the delivery.*ASV-19"
        ):
            Claim.create({"lot_id": self.lot.id, "request_date": "2026-03-01"})
        with freeze_time("2026-03-25"):
            claim = Claim.create({"lot_id": self.lot.id, "request_date": "2026-03-18"})
        self.assertEqual(str(claim.request_date), "2026-03-18")
        self.assertTrue(claim.is_eligible)

    # ------------------------------------------------------------------ claim steps
    def test_asv20_claim_state_only_through_its_actions(self):
        """ASV-20: a request's status is refused by write, create and import
        to the After-sales user; the actions move it."""
        claim = self._claim("2026-03-20")
        as_user = claim.with_user(self.after_sales)
        for state in ("to_inspect", "processing", "done", "rejected"):
            with (
                self.subTest(state=state),
                self._refused(UserError, "ASV-20"),
            ):
                as_user.write({"state": state})
        with self._refused(UserError, "ASV-20"):
            self.Claim.with_user(self.after_sales).create(
                {"lot_id": self.lot.id, "state": "processing"}
            )
        result = self.Claim.with_user(self.after_sales).load(
            [".id", "state"], [[str(claim.id), "done"]]
        )
        self.assertFalse(result["ids"])
        self.assertIn("ASV-20", result["messages"][0]["message"])
        with freeze_time("2026-03-20"):
            as_user.action_confirm()
        self.assertEqual(claim.state, "to_receive")

    def test_asv20_sales_takes_but_does_not_accept_or_inspect(self):
        """ASV-20: After-sales accepts and inspects; a salesperson who may take
        a request cannot accept it by calling the action."""
        claim = self._claim("2026-03-20", user=self.salesperson)
        with self._refused(UserError, "ASV-20"):
            claim.with_user(self.salesperson).action_confirm()
        self.assertEqual(claim.state, "draft")
        with freeze_time("2026-03-20"):
            claim.with_user(self.after_sales).action_confirm()
        self.assertEqual(claim.state, "to_receive")

    def test_asv19_unit_and_request_settled_once_accepted(self):
        """ASV-19: once accepted, the unit, quantity, type and warranty link of
        a request are settled; while draft they are the user's to fill in."""
        other_lot = self._lot(self.keyboard, "KB-ROUTE-2")
        self._sell(self.keyboard, 1, other_lot)
        claim = self._claim("2026-03-20")
        claim.with_user(self.after_sales).write({"claim_type": "return"})
        claim.with_user(self.after_sales).write({"claim_type": "exchange"})
        with freeze_time("2026-03-20"):
            claim.with_user(self.after_sales).action_confirm()
        as_user = claim.with_user(self.after_sales)
        attacks = {
            "lot_id": other_lot.id,
            "claim_type": "return",
            "partner_id": self.other_customer.id,
            "quantity": 2,
        }
        for fname, value in attacks.items():
            with (
                self.subTest(field=fname),
                self._refused(UserError, "ASV-19"),
            ):
                as_user.write({fname: value})
        other_warranty = self.Warranty.search([("lot_id", "=", other_lot.id)])
        with self._refused(UserError, "ASV-19"):
            as_user.write({"warranty_id": other_warranty.id})
        with self._refused(UserError, "ASV-20"):
            as_user.write({"return_picking_id": False})
        self.assertEqual(claim.lot_id, self.lot)

    def test_asv20_inspection_results_settled(self):
        """ASV-20: the inspector and time are the action's; findings and
        outcome are settled once the outcome is decided."""
        claim = self._inspected()
        as_user = claim.with_user(self.after_sales)
        with self._refused(UserError, "ASV-20"):
            as_user.write({"inspected_by_id": self.after_sales_manager.id})
        with self._refused(UserError, "ASV-20"):
            as_user.write({"inspected_on": "2026-01-05 08:00:00"})
        with self._refused(UserError, "Inspection findings.*ASV-20"):
            as_user.write({"inspection_note": "No fault after all"})
        with self._refused(UserError, "Outcome.*ASV-20"):
            as_user.write({"resolution": "return"})
        with self._refused(UserError, "ASV-21"):
            as_user.write({"replacement_picking_id": False})
        self.assertEqual(claim.inspection_note, "Dead key matrix")
        self.assertEqual(claim.inspected_by_id, self.after_sales)

    def test_asv20_inspection_findings_need_words(self):
        """ASV-20: findings of only spaces are no findings."""
        claim = self._claim("2026-03-20")
        with freeze_time("2026-03-20"):
            claim.action_confirm()
        self._validate(claim.return_picking_id)
        claim.with_user(self.after_sales).inspection_note = " \n  "
        with self._refused(UserError, "inspection findings"):
            claim.with_user(self.after_sales).action_quality_confirmed()
        self.assertEqual(claim.state, "to_inspect")

    # ------------------------------------------------------------------ override
    def test_asv19_override_is_never_decided_by_the_requester(self):
        """ASV-19, issue 16: a manager who took the request cannot accept it
        outside its window; another manager can, and who, when and why are
        recorded on the request and in the chatter."""
        claim = self._claim("2026-04-10", user=self.after_sales_manager)
        own = claim.with_user(self.after_sales_manager)
        own.override_reason = "Good customer"
        with (
            freeze_time("2026-04-10"),
            self._refused(UserError, "another After-sales Manager"),
        ):
            own.action_confirm()
        self.assertEqual(claim.state, "draft")
        other = claim.with_user(self.other_manager)
        with freeze_time("2026-04-10 09:00:00"):
            other.action_confirm()
        self.assertEqual(claim.state, "to_receive")
        self.assertEqual(claim.override_user_id, self.other_manager)
        self.assertEqual(str(claim.override_date), "2026-04-10 09:00:00")
        self.assertTrue(
            any(
                "Good customer" in (m.body or "") and self.other_manager.name in m.body
                for m in claim.message_ids
            )
        )
        # The decision is recorded: neither its reason nor who/when change.
        with self._refused(UserError, "ASV-19"):
            other.override_reason = "Another reason"
        with self._refused(UserError, "ASV-19"):
            other.write({"override_user_id": self.after_sales_manager.id})

    def test_asv19_override_reason_needs_words(self):
        """ASV-19: a reason of only spaces is no reason."""
        claim = self._claim("2026-04-10")
        manager = claim.with_user(self.after_sales_manager)
        manager.override_reason = "   "
        with (
            freeze_time("2026-04-10"),
            self._refused(UserError, "in words"),
        ):
            manager.action_confirm()
        self.assertFalse(claim.override_user_id)

    def test_asv19_override_fields_cannot_be_forged(self):
        """ASV-19: who decided an override is written by the decision only."""
        claim = self._claim("2026-04-10")
        with self._refused(UserError, "ASV-19"):
            claim.with_user(self.after_sales_manager).write(
                {
                    "override_user_id": self.after_sales_manager.id,
                    "override_date": "2026-04-10 10:00:00",
                }
            )
        with (
            freeze_time("2026-04-10"),
            self._refused(UserError, "ASV-19"),
        ):
            claim.with_user(self.after_sales).action_confirm()

    # ------------------------------------------------------------------ keep
    def test_asv19_requests_are_never_deleted_but_cancelled(self):
        """ASV-19: an After-sales user, who may delete records of the model by
        its access rights, deletes no request, draft or cancelled; cancelling
        needs a reason in words and records who and when."""
        claim = self._claim("2026-03-20")
        as_user = claim.with_user(self.after_sales)
        with self._refused(UserError, "ASV-19"):
            as_user.unlink()
        with self._refused(UserError, "Cancellation reason"):
            as_user.action_cancel()
        as_user.cancel_reason = "  "
        with self._refused(UserError, "Cancellation reason"):
            as_user.action_cancel()
        as_user.cancel_reason = "Customer found the missing cable"
        as_user.action_cancel()
        self.assertEqual(claim.state, "cancel")
        self.assertEqual(claim.cancel_user_id, self.after_sales)
        self.assertTrue(claim.cancel_date)
        self.assertTrue(
            any("missing cable" in (m.body or "") for m in claim.message_ids)
        )
        with self._refused(UserError, "ASV-19"):
            as_user.cancel_reason = "Rewritten"
        with self._refused(UserError, "ASV-19"):
            as_user.unlink()
        with self._refused(UserError, "ASV-19"):
            claim.sudo().unlink()
        self.assertTrue(claim.exists())

    # ------------------------------------------------------------------ bad input
    def test_asv19_quantities_are_checked(self):
        """ASV-19: zero, negative, NaN and more than the warranty covers are
        refused with the field named, never a database error."""
        _order, delivery = self._sell(self.cable, 3)
        Claim = self.Claim.with_user(self.after_sales)
        base = {"product_id": self.cable.id, "partner_id": self.customer.id}
        for qty in (0, -1):
            with (
                self.subTest(qty=qty),
                self._refused(ValidationError, "Quantity.*ASV-19"),
            ):
                Claim.create(dict(base, quantity=qty))
        with self._refused(ValidationError, "Quantity"):
            Claim.create(dict(base, quantity=float("nan")))
        with self._refused(ValidationError, "Quantity.*3.*ASV-19"):
            Claim.create(dict(base, quantity=4))
        claim = Claim.create(dict(base, quantity=2))
        self.assertEqual(claim.warranty_id, delivery.dealer_warranty_ids)
        with self._refused(ValidationError, "Quantity.*ASV-19"):
            claim.write({"quantity": -2})

    def test_asv22_company_consistency(self):
        """A request of one company cannot point at another company's unit."""
        other = self.env["res.company"].create({"name": "Other Dealer Co"})
        with self._refused(UserError, "[Ii]ncompatible compan"):
            self.Claim.create({"lot_id": self.lot.id, "company_id": other.id})

    # ------------------------------------------------------------------ transfers
    def test_asv20_transfer_link_to_a_request_is_governed(self):
        """ASV-20: linking a transfer to a request exempts it from the supplier
        receipt acceptance; a warehouse user cannot link one by write or by a
        context default."""
        receipt = self.env["stock.picking"].create(
            {
                "picking_type_id": self.warehouse.in_type_id.id,
                "location_id": self.env.ref("stock.stock_location_suppliers").id,
                "location_dest_id": self.pending.id,
            }
        )
        claim = self._claim("2026-03-20")
        with self._refused(UserError, "ASV-20"):
            receipt.with_user(self.warehouse_user).write(
                {"dealer_warranty_claim_id": claim.id}
            )
        picking = (
            self.env["stock.picking"]
            .with_user(self.warehouse_user)
            .with_context(default_dealer_warranty_claim_id=claim.id)
            .create(
                {
                    "picking_type_id": self.warehouse.in_type_id.id,
                    "location_id": self.env.ref("stock.stock_location_suppliers").id,
                    "location_dest_id": self.pending.id,
                }
            )
        )
        # Not linked: once done, the transfer goes through receipt acceptance.
        self.assertFalse(picking.dealer_warranty_claim_id)
        # Positive control: the request's own action links its return.
        with freeze_time("2026-03-20"):
            claim.with_user(self.after_sales).action_confirm()
        self.assertEqual(claim.return_picking_id.dealer_warranty_claim_id, claim)

    # ------------------------------------------------------------------ repairs
    def test_asv23_free_or_charged_is_refused_by_write(self):
        """ASV-23: an After-sales user cannot make a repair free or charged by
        writing Under Warranty, on create, by write or by import."""
        in_warranty = self._repair()
        self.assertTrue(in_warranty.under_warranty)
        as_user = in_warranty.with_user(self.after_sales)
        with self._refused(UserError, "ASV-23"):
            as_user.write(
                {"under_warranty": False, "dealer_exclusion_id": self.exclusion.id}
            )
        expired = self._repair(day="2027-04-01")
        with self._refused(UserError, "ASV-23"):
            expired.with_user(self.after_sales).write({"under_warranty": True})
        with self._refused(UserError, "ASV-23"):
            self._repair(day="2027-04-01", under_warranty=True)
        result = (
            self.env["repair.order"]
            .with_user(self.after_sales)
            .load([".id", "under_warranty"], [[str(expired.id), "1"]])
        )
        self.assertFalse(result["ids"])
        self.assertIn("ASV-23", result["messages"][0]["message"])
        self.assertFalse(expired.under_warranty)
        # Positive control: the decision action, with the exclusion named.
        as_user.dealer_exclusion_id = self.exclusion
        as_user.action_dealer_charge()
        self.assertFalse(in_warranty.under_warranty)
        with self._refused(UserError, "ASV-23"):
            as_user.dealer_exclusion_id = self.env.ref(
                "dealer_warranty.exclusion_physical_damage"
            )

    def test_asv23_claim_date_cannot_be_backdated(self):
        """ASV-23: a repair taken after the warranty ended cannot be dated back
        into it, by write, create or a context default; a trusted action cannot
        date it before the delivery."""
        repair = self._repair(day="2027-04-01")
        self.assertFalse(repair.under_warranty)
        with (
            freeze_time("2027-04-01"),
            self._refused(UserError, "Claim date of .*ASV-23"),
        ):
            repair.with_user(self.after_sales).write(
                {"dealer_claim_date": "2027-03-01"}
            )
        with self._refused(UserError, "ASV-23"):
            self._repair(day="2027-04-01", dealer_claim_date="2027-03-01")
        with freeze_time("2027-04-01"):
            forged = (
                self.env["repair.order"]
                .with_user(self.after_sales)
                .with_context(default_dealer_claim_date="2027-03-01")
                .create(
                    {
                        "product_id": self.keyboard.id,
                        "lot_id": self.lot.id,
                        "partner_id": self.customer.id,
                        "picking_type_id": self.warehouse.repair_type_id.id,
                    }
                )
            )
        self.assertEqual(str(forged.dealer_claim_date), "2027-04-01")
        self.assertFalse(forged.under_warranty)
        # A trusted action (a ticket's received date) still cannot date a
        # serial's repair before its delivery.
        with self._refused(ValidationError, "Claim date.*before the delivery.*ASV-23"):
            self.env["repair.order"].with_user(
                self.after_sales
            )._dealer_as_action().create(
                {
                    "product_id": self.keyboard.id,
                    "lot_id": self.lot.id,
                    "partner_id": self.customer.id,
                    "picking_type_id": self.warehouse.repair_type_id.id,
                    "dealer_claim_date": "2026-03-01",
                }
            )

    def test_asv23_warranty_links_of_a_repair_are_governed(self):
        """ASV-23/ASV-20: the warranty and request a repair is judged by are
        not the user's to point elsewhere."""
        repair = self._repair()
        claim = self._claim("2026-03-20")
        as_user = repair.with_user(self.after_sales)
        with self._refused(UserError, "ASV-23"):
            as_user.write({"dealer_warranty_id": False})
        with self._refused(UserError, "ASV-20"):
            as_user.write({"dealer_warranty_claim_id": claim.id})
        with self._refused(UserError, "ASV-23"):
            as_user.write({"dealer_warranty_decision_user_id": self.other_manager.id})
        self.assertEqual(repair.dealer_warranty_id, self.warranty)

    def test_asv23_free_repair_is_never_decided_by_who_took_it(self):
        """ASV-23, issue 16: a manager who took the repair in cannot decide it
        free outside the warranty; another manager can, and it is recorded."""
        repair = self._repair(day="2027-04-01", user=self.after_sales_manager)
        own = repair.with_user(self.after_sales_manager)
        own.dealer_warranty_override_reason = "Known batch defect"
        with self._refused(UserError, "another After-sales Manager"):
            own.action_dealer_free()
        self.assertFalse(repair.under_warranty)
        repair.with_user(self.other_manager).action_dealer_free()
        self.assertTrue(repair.under_warranty)
        self.assertEqual(repair.dealer_warranty_decision_user_id, self.other_manager)
        self.assertTrue(repair.dealer_warranty_decision_date)
        with self._refused(UserError, "ASV-23"):
            own.dealer_warranty_override_reason = "Something else"

    def test_asv25_repair_record_settled_once_done(self):
        """ASV-25/ASV-09: the repair record of a done repair is settled; a
        negative repair time is refused with the field and the rule."""
        repair = self._repair()
        as_user = repair.with_user(self.after_sales)
        with self._refused(ValidationError, "Repair time.*ASV-25"):
            as_user.dealer_repair_hours = -1
        with self._refused(ValidationError, "Repair time"):
            as_user.dealer_repair_hours = float("inf")
        as_user.write(
            {
                "dealer_fault_cause": "Worn switch",
                "dealer_repair_method": "Replaced the switch",
                "dealer_repair_hours": 0.5,
                "dealer_test_passed": True,
            }
        )
        self._stock(self.keyboard, 1, self.lot, repair.location_id)
        repair.action_validate()
        repair.action_repair_start()
        repair.action_repair_end()
        self.assertEqual(repair.state, "done")
        for fname, value in (
            ("dealer_fault_cause", "Something else"),
            ("dealer_test_passed", False),
            ("dealer_repair_hours", 3.0),
        ):
            with (
                self.subTest(field=fname),
                self._refused(UserError, "ASV-25"),
            ):
                as_user.write({fname: value})
        # The follow-up: its date and who recorded it are the actions'.
        with self._refused(UserError, "ASV-27"):
            as_user.write({"dealer_followup_date": "2030-01-01"})
        with self._refused(UserError, "ASV-27"):
            as_user.write({"dealer_followup_done_by_id": self.after_sales.id})
        as_user.dealer_followup_result = "satisfied"
        as_user.action_dealer_record_followup()
        self.assertEqual(repair.dealer_followup_done_by_id, self.after_sales)
        with self._refused(UserError, "ASV-27"):
            as_user.dealer_followup_result = "unsatisfied"

    def test_asv25_repair_record_needs_words(self):
        """ASV-25: a fault cause of only spaces is no fault cause."""
        repair = self._repair()
        repair.write(
            {
                "dealer_fault_cause": "   ",
                "dealer_repair_method": "Replaced the switch",
                "dealer_repair_hours": 0.5,
                "dealer_test_passed": True,
            }
        )
        self._stock(self.keyboard, 1, self.lot, repair.location_id)
        repair.action_validate()
        repair.action_repair_start()
        with self._refused(UserError, "Fault cause"):
            repair.action_repair_end()

    # ------------------------------------------------------------------ routing
    def test_asv21_asv27_activities_go_to_the_department_heads(self):
        """ASV-21/ASV-27: the warehouse hears of a request's transfer through
        its head, and a dissatisfied customer reaches the After-sales head, as
        dealer_base routes them."""
        claim = self._inspected()
        head = self.company._dealer_department_head("warehouse")
        transfer = claim.picking_ids - claim.return_picking_id
        self.assertIn(head, transfer.activity_ids.user_id)
        repair = self._repair()
        repair.write(
            {
                "dealer_fault_cause": "Worn switch",
                "dealer_repair_method": "Replaced the switch",
                "dealer_repair_hours": 0.5,
                "dealer_test_passed": True,
            }
        )
        self._stock(self.keyboard, 1, self.lot, repair.location_id)
        repair.action_validate()
        repair.action_repair_start()
        repair.action_repair_end()
        repair.write({"dealer_followup_result": "unsatisfied"})
        repair.with_user(self.after_sales).action_dealer_record_followup()
        self.assertIn(
            self.company._dealer_department_head("after_sales"),
            repair.activity_ids.user_id,
        )
