# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, Command, api
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, TransactionCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common import DealerStockZoneCommon


@tagged("post_install", "-at_install")
class TestReceiptInspection(DealerStockZoneCommon):
    def test_pur_08_acceptance_opened_for_each_receipt(self):
        """PUR-08: each receipt into pending inspection opens one acceptance with
        one line per product and serial."""
        inspection = self._receive(self.ssd, 2, lots=["SN-A1", "SN-A2"])
        self.assertEqual(inspection.state, "draft")
        self.assertEqual(inspection.partner_id, self.supplier)
        self.assertEqual(inspection.origin, "PO-TEST")
        self.assertEqual(len(inspection.line_ids), 2)
        self.assertEqual(
            set(inspection.line_ids.lot_id.mapped("name")), {"SN-A1", "SN-A2"}
        )
        self.assertEqual(inspection.line_ids.mapped("qty_expected"), [1.0, 1.0])
        self.assertTrue(inspection.activity_ids, "someone is asked to inspect")

    def test_stk_09_validation_books_accepted_to_stock_rejected_apart(self):
        """STK-09, PUR-08: accepted quantities reach stock (common area by putaway),
        rejected ones the non-conforming area, in one validation."""
        inspection = self._fill(self._receive(self.keyboard, 10), rejected=3)
        inspection.with_user(self.stock_user).action_validate()
        self.assertEqual(inspection.state, "done")
        quants = self.env["stock.quant"]._read_group(
            [
                ("product_id", "=", self.keyboard.id),
                ("location_id.usage", "=", "internal"),
            ],
            ["location_id"],
            ["quantity:sum"],
        )
        by_location = {location: qty for location, qty in quants if qty}
        self.assertEqual(by_location, {self.common: 7.0, self.nonconforming: 3.0})
        self.assertEqual(
            self.keyboard.with_context(warehouse_id=self.warehouse.id).qty_available, 7
        )
        self.assertEqual(self.keyboard.product_tmpl_id.dealer_qty_non_conforming, 3)

    def test_stk_10_inbound_registration(self):
        """STK-10: every accepted move records product, quantity, time, supplier,
        the purchase order and the inspectors."""
        inspection = self._fill(self._receive(self.keyboard, 4))
        inspection.with_user(self.stock_user).action_validate()
        move = inspection.move_ids
        self.assertEqual(len(move), 1)
        self.assertEqual(move.product_uom_qty, 4)
        self.assertEqual(move.partner_id, self.supplier)
        self.assertEqual(move.origin, "PO-TEST")
        self.assertEqual(
            move.dealer_inspection_id.technical_inspector_id, self.tech_user
        )
        self.assertEqual(inspection.validated_by_id, self.stock_user)
        self.assertTrue(inspection.date_validated)

    def test_pur_10_supplier_rejection_rate_weighs_units(self):
        """PUR-10, STK-09: the rejection analysis gives each supplier its share of
        rejected units (3 of 12 is 25 %), not an average of line rates."""
        first = self._fill(self._receive(self.keyboard, 10), rejected=1)
        first.with_user(self.stock_user).action_validate()
        second = self._fill(self._receive(self.keyboard, 2), rejected=2)
        second.with_user(self.stock_user).action_validate()
        self.assertEqual(first.line_ids.rejection_rate, 10.0)
        self.assertEqual(second.line_ids.rejection_rate, 100.0)
        groups = self.env["dealer.receipt.inspection.line"]._read_group(
            [("partner_id", "=", self.supplier.id), ("state", "=", "done")],
            ["partner_id"],
            ["qty_counted:sum", "qty_rejected:sum", "rejection_rate:avg"],
        )
        self.assertEqual(len(groups), 1)
        _partner, counted, rejected, rate = groups[0]
        self.assertEqual((counted, rejected), (12.0, 3.0))
        self.assertAlmostEqual(rate, 25.0)

    def test_stk_10_printable_acceptance_report(self):
        """STK-10: the printed acceptance shows supplier, products, results and
        inspectors."""
        inspection = self._fill(self._receive(self.keyboard, 6), rejected=1)
        inspection.with_user(self.stock_user).action_validate()
        html, _format = self.env["ir.actions.report"]._render_qweb_html(
            "dealer_stock_zone.report_dealer_receipt_inspection", inspection.ids
        )
        html = html.decode()
        for expected in (
            inspection.name,
            self.supplier.name,
            self.keyboard.name,
            self.tech_user.name,
            self.damaged.name,
        ):
            self.assertIn(expected, html)

    def test_stk_07_acceptance_settings_round_trip(self):
        """STK-07, PUR-07: the acceptance policy is set in Settings per company."""
        with Form(self.env["res.config.settings"]) as form:
            form.dealer_check_spec_required = False
            form.dealer_purchasing_cosign_always = False
        form.record.execute()
        self.assertFalse(self.env.company.dealer_check_spec_required)
        self.assertFalse(self.env.company.dealer_purchasing_cosign_always)
        self.assertFalse(
            Form(self.env["res.config.settings"]).dealer_purchasing_cosign_always
        )

    def test_stk_07_accepted_plus_rejected_equals_counted(self):
        """STK-07: accepted plus rejected must equal counted."""
        inspection = self._fill(self._receive(self.keyboard, 10))
        inspection.line_ids.qty_accepted = 8
        with self.assertRaisesRegex(
            ValidationError, "Accepted plus Rejected must equal Counted"
        ):
            inspection.with_user(self.stock_user).action_validate()
        self.assertEqual(inspection.state, "draft")

    def test_stk_07_accepted_quantities_are_not_prefilled(self):
        """STK-07: the inspector enters what they accept; a fresh acceptance
        accepts nothing, and the checklist says so."""
        inspection = self._receive(self.keyboard, 4)
        self.assertEqual(inspection.line_ids.qty_counted, 4)
        self.assertEqual(inspection.line_ids.qty_accepted, 0)
        self.assertEqual(inspection.qty_accepted, 0)
        self.assertIn("Accepted", inspection.missing_html)
        inspection.line_ids.qty_rejected = 1
        self.assertEqual(inspection.line_ids.qty_accepted, 0)

    def test_stk_07_validate_reports_every_problem_in_one_message(self):
        """STK-07, PUR-07, STK-09: Validate names every missing item at once,
        signatures and lines alike, not one group at a time."""
        inspection = self._receive(self.keyboard, 3)
        inspection.line_ids.write({"appearance_check": "fail", "qty_rejected": 1})
        with self.assertRaises(ValidationError) as caught:
            inspection.with_user(self.stock_user).action_validate()
        message = str(caught.exception)
        for expected in (
            "Technical inspector",
            "Purchasing inspector",
            "Accepted plus Rejected must equal Counted",
            "Model/specification check",
            "Rejection reason",
        ):
            self.assertIn(expected, message)
        self.assertEqual(inspection.state, "draft")
        self.assertFalse(
            inspection.warehouse_inspector_id,
            "a refused validation leaves no warehouse signature behind",
        )

    def test_stk_07_form_checklist_follows_the_entries_live(self):
        """STK-07: the form lists what is still missing before Validate is
        pressed, and the list shrinks as the inspectors record their findings."""
        inspection = self._receive(self.keyboard, 2)
        inspection.with_user(self.tech_user).action_sign_technical()
        inspection.with_user(self.purchase_user).action_sign_purchasing()
        self.assertNotIn("Warehouse inspector", inspection.missing_html)
        with Form(inspection.with_user(self.stock_user)) as form:
            # One item per line, naming all it still needs.
            self.assertEqual(form.missing_count, 1)
            for needed in ("Accepted", "Model/specification", "Appearance"):
                self.assertIn(needed, form.missing_html)
            with form.line_ids.edit(0) as line:
                line.spec_check = "pass"
                line.appearance_check = "pass"
            self.assertIn("Accepted", form.missing_html)
            self.assertNotIn("Model/specification", form.missing_html)
            self.assertEqual(form.missing_count, 1)
            with form.line_ids.edit(0) as line:
                line.qty_accepted = 2
            self.assertEqual(form.missing_count, 0)
            self.assertFalse(form.missing_html)
        inspection.with_user(self.stock_user).action_validate()
        self.assertEqual(inspection.state, "done")
        self.assertFalse(
            inspection.missing_html, "a validated acceptance needs nothing"
        )

    def test_stk_07_mandatory_checks_follow_the_settings(self):
        """STK-07: the specification and appearance checks the settings require."""
        inspection = self._fill(self._receive(self.keyboard, 2), appearance_check=False)
        with self.assertRaisesRegex(ValidationError, "Appearance check"):
            inspection.with_user(self.stock_user).action_validate()
        self.env.company.dealer_check_appearance_required = False
        inspection.with_user(self.stock_user).action_validate()
        self.assertEqual(inspection.state, "done")

    def test_stk_08_performance_test_for_flagged_products(self):
        """STK-08: products of a category flagged for it need a performance test."""
        inspection = self._receive(self.ssd, 1, lots=["SN-P1"])
        self._fill(inspection)
        self.assertTrue(inspection.line_ids.performance_required)
        inspection.line_ids.performance_check = False
        with self.assertRaisesRegex(ValidationError, "Performance test"):
            inspection.with_user(self.stock_user).action_validate()
        inspection.line_ids.performance_check = "pass"
        inspection.with_user(self.stock_user).action_validate()
        self.assertEqual(inspection.state, "done")

    def test_pur_07_inspectors_sign_and_purchasing_on_discrepancy(self):
        """PUR-07: warehouse and technical inspectors sign every acceptance; with
        joint acceptance off, purchasing signs when a counted quantity differs
        from the expected one."""
        self.env.company.dealer_purchasing_cosign_always = False
        inspection = self._fill(self._receive(self.keyboard, 10))
        inspection.with_user(self.purchase_user).action_withdraw_signature()
        inspection.with_user(self.tech_user).action_withdraw_signature()
        self.assertFalse(inspection.technical_inspector_id)
        with self.assertRaisesRegex(ValidationError, "Technical inspector"):
            inspection.with_user(self.stock_user).action_validate()
        inspection.with_user(self.tech_user).action_sign_technical()
        inspection.line_ids.write({"qty_counted": 9, "qty_accepted": 9})
        self.assertTrue(inspection.purchasing_required)
        with self.assertRaisesRegex(ValidationError, "Purchasing inspector"):
            inspection.with_user(self.stock_user).action_validate()
        inspection.with_user(self.purchase_user).action_sign_purchasing()
        inspection.with_user(self.stock_user).action_validate()
        self.assertEqual(
            self.keyboard.with_context(warehouse_id=self.warehouse.id).qty_available, 9
        )
        self.assertEqual(
            self.keyboard.product_tmpl_id.dealer_qty_pending_inspection,
            0,
            "the unit that never arrived goes back to the supplier",
        )

    def test_pur_07_purchasing_cosigns_every_acceptance_when_set(self):
        """PUR-07: joint acceptance (Purchasing signs every acceptance) is the
        manual's default; a company may ask it only on a discrepancy."""
        self.assertTrue(
            self.env["res.company"]
            .create({"name": "New Co"})
            .dealer_purchasing_cosign_always
        )
        inspection = self._fill(self._receive(self.keyboard, 1))
        self.assertTrue(inspection.purchasing_required)
        self.env.company.dealer_purchasing_cosign_always = False
        self.assertFalse(inspection.purchasing_required)

    def test_pur_07_over_delivery_needs_purchasing_and_is_booked(self):
        """PUR-07: more counted than expected is recorded as an over-delivery, needs
        purchasing's signature, and the extra units are booked."""
        inspection = self._fill(self._receive(self.keyboard, 5))
        inspection.line_ids.write({"qty_counted": 6, "qty_accepted": 6})
        self.assertTrue(inspection.line_ids.is_discrepancy)
        self.assertEqual(inspection.purchasing_inspector_id, self.purchase_user)
        inspection.with_user(self.stock_user).action_validate()
        self.assertEqual(
            self.keyboard.with_context(warehouse_id=self.warehouse.id).qty_available, 6
        )

    def test_stk_09_failed_check_cannot_be_accepted(self):
        """STK-09: when units fail a check, the failing units are rejected with a
        reason; they never reach stock."""
        inspection = self._fill(
            self._receive(self.keyboard, 2), appearance_check="fail"
        )
        with self.assertRaisesRegex(ValidationError, "failed a check"):
            inspection.with_user(self.stock_user).action_validate()
        inspection.line_ids.write({"qty_rejected": 2, "qty_accepted": 0})
        with self.assertRaisesRegex(ValidationError, "Rejection reason"):
            inspection.with_user(self.stock_user).action_validate()
        inspection.line_ids.reason_id = self.damaged
        inspection.with_user(self.stock_user).action_validate()
        self.assertEqual(self.keyboard.product_tmpl_id.dealer_qty_non_conforming, 2)

    def test_stk_09_second_validation_is_refused(self):
        """STK-09: an acceptance is validated once; a second try moves nothing."""
        inspection = self._fill(self._receive(self.keyboard, 3))
        inspection.with_user(self.stock_user).action_validate()
        with self.assertRaisesRegex(UserError, "already validated"):
            inspection.with_user(self.stock_user).action_validate()
        self.assertEqual(len(inspection.move_ids), 1)
        with self.assertRaisesRegex(UserError, "STK-10"):
            inspection.unlink()

    def test_stk_10_validated_acceptance_is_kept_as_found(self):
        """STK-10, STK-09: nobody rewrites a validated acceptance or jumps its
        status; later remarks go to its chatter."""
        inspection = self._fill(self._receive(self.keyboard, 2))
        with self.assertRaisesRegex(UserError, "STK-10"):
            inspection.with_user(self.stock_user).write({"state": "done"})
        inspection.with_user(self.stock_user).action_validate()
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            inspection.line_ids.with_user(self.stock_manager).write({"qty_rejected": 1})
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            inspection.with_user(self.stock_manager).write(
                {"note": "<p>Rewritten.</p>"}
            )
        inspection.with_user(self.stock_user).message_post(
            body="Boxes kept for the supplier."
        )
        self.assertIn("Boxes kept", inspection.message_ids[:1].body)

    def test_stk_09_only_managers_cancel(self):
        """STK-09: only a Warehouse Manager cancels an acceptance."""
        inspection = self._receive(self.keyboard, 1)
        with self.assertRaises(AccessError):
            inspection.with_user(self.stock_user).action_cancel()
        with self.assertRaisesRegex(ValidationError, "Cancellation reason"):
            inspection.with_user(self.stock_manager).action_cancel()
        inspection.with_user(self.stock_manager).cancel_reason = "Sent back unopened"
        inspection.with_user(self.stock_manager).action_cancel()
        self.assertEqual(inspection.state, "cancel")
        inspection.with_user(self.stock_manager).action_reset_to_draft()
        self.assertEqual(inspection.state, "draft")

    def test_stk_10_serials_complete_and_unique(self):
        """STK-10: serial-tracked goods are accepted serial by serial."""
        inspection = self._fill(self._receive(self.ssd, 2, lots=["SN-U1", "SN-U2"]))
        inspection.line_ids[0].qty_counted = 2
        inspection.line_ids[0].qty_accepted = 2
        with self.assertRaisesRegex(ValidationError, "one line per serial"):
            inspection.with_user(self.stock_user).action_validate()

    def test_stk_18_only_the_warehouse_validates(self):
        """STK-18: technical and sales staff cannot validate an acceptance."""
        inspection = self._fill(self._receive(self.keyboard, 1))
        for user in (self.tech_user, self.sales_user):
            with self.assertRaises(AccessError):
                inspection.with_user(user).action_validate()
        self.assertEqual(inspection.state, "draft")

    def test_stk_18_sales_staff_cannot_see_acceptances(self):
        """STK-18: acceptances are the warehouse's, technical and purchasing
        inspectors' records; sales staff neither read nor change them."""
        inspection = self._receive(self.keyboard, 1)
        with self.assertRaises(AccessError):
            inspection.with_user(self.sales_user).read(["name"])
        with self.assertRaises(AccessError):
            inspection.line_ids.with_user(self.sales_user).write({"qty_rejected": 1})
        self.assertTrue(inspection.with_user(self.purchase_user).read(["name"]))

    def test_stk_05_acceptances_stay_in_their_company(self):
        """STK-05: a user of another company does not see this company's
        acceptances."""
        other_company = self.env["res.company"].create({"name": "Lighting Office Co."})
        outsider = new_test_user(
            self.env,
            login="zone_outsider",
            groups="dealer_base.group_warehouse_manager",
            company_id=other_company.id,
            company_ids=[Command.set(other_company.ids)],
        )
        inspection = self._receive(self.keyboard, 1)
        Inspection = self.env["dealer.receipt.inspection"].with_user(outsider)
        self.assertFalse(Inspection.search([("id", "=", inspection.id)]))
        with self.assertRaises(AccessError):
            inspection.with_user(outsider).read(["name"])

    def test_pur_07_technical_inspector_records_checks_in_the_form(self):
        """PUR-07: the technical inspector fills in the checks through the form."""
        inspection = self._receive(self.ssd, 1, lots=["SN-F1"])
        inspection.with_user(self.tech_user).action_sign_technical()
        with Form(inspection.with_user(self.tech_user)) as form:
            with form.line_ids.edit(0) as line:
                # The checks the company's settings require are marked required.
                line.spec_check = "pass"
                line.appearance_check = "pass"
                line.performance_check = "fail"
                line.qty_rejected = 1
                line.reason_id = self.env.ref(
                    "dealer_stock_zone.rejection_reason_performance"
                )
                self.assertEqual(line.qty_accepted, 0)
        self.assertEqual(inspection.line_ids.performance_check, "fail")
        self.assertEqual(inspection.qty_rejected, 1)
        self.assertEqual(inspection.technical_inspector_id, self.tech_user)


@tagged("post_install", "-at_install")
class TestConcurrentValidation(TransactionCase):
    def _committed(self):
        """A draft acceptance both transactions can see (committed, then removed)."""
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            warehouse = env["stock.warehouse"].search(
                [("company_id", "=", env.company.id)], limit=1
            )
            picking = env["stock.picking"].create(
                {"picking_type_id": warehouse.in_type_id.id}
            )
            inspection = env["dealer.receipt.inspection"].create(
                {"picking_id": picking.id}
            )
            ids = picking.id, inspection.id
        self.addCleanup(self._remove, *ids)
        return ids[1]

    def _remove(self, picking_id, inspection_id):
        with self.registry.cursor() as cr:
            # The manual keeps acceptances (STK-10): the test's own scaffolding
            # is removed in SQL.
            cr.execute(
                "DELETE FROM dealer_receipt_inspection WHERE id = %s", [inspection_id]
            )
            env = api.Environment(cr, SUPERUSER_ID, {})
            env["stock.picking"].browse(picking_id).unlink()

    @mute_logger("odoo.sql_db")
    def test_stk_09_two_users_validating_at_once(self):
        """STK-09: when two users validate the same acceptance at once, the second
        is told someone else is validating it, so nothing is booked twice."""
        inspection_id = self._committed()
        with self.registry.cursor() as cr_a, self.registry.cursor() as cr_b:
            first = api.Environment(cr_a, SUPERUSER_ID, {})["dealer.receipt.inspection"]
            second = api.Environment(cr_b, SUPERUSER_ID, {})[
                "dealer.receipt.inspection"
            ]
            first.browse(inspection_id)._lock_for_validation()
            with self.assertRaisesRegex(UserError, "being validated by someone else"):
                second.browse(inspection_id)._lock_for_validation()
            cr_b.rollback()
            # The first one finishes; a later attempt sees it validated.
            cr_a.execute(
                "UPDATE dealer_receipt_inspection SET state = 'done' WHERE id = %s",
                [inspection_id],
            )
            cr_a.commit()
            with self.assertRaisesRegex(UserError, "already validated"):
                second.browse(inspection_id)._lock_for_validation()
            cr_b.rollback()
            cr_a.execute(
                "UPDATE dealer_receipt_inspection SET state = 'draft' WHERE id = %s",
                [inspection_id],
            )
