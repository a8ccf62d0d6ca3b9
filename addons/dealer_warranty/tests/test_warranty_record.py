# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import DealerWarrantyCommon


@tagged("post_install", "-at_install")
class TestWarrantyRecord(DealerWarrantyCommon):
    def test_asv22_delivery_of_serials_creates_one_warranty_each(self):
        """ASV-22: a validated delivery gives each serial its own warranty with
        the terms of the day and the dates of the delivery."""
        lots = self._lot(self.keyboard, "KB-001") | self._lot(self.keyboard, "KB-002")
        order, picking = self._sell(self.keyboard, 2, lots)
        warranties = self.Warranty.search([("picking_id", "=", picking.id)])
        self.assertEqual(warranties.lot_id, lots)
        for warranty in warranties:
            self.assertEqual(warranty.partner_id, self.customer)
            self.assertEqual(warranty.sale_order_id, order)
            self.assertEqual(warranty.state, "active")
            self.assertEqual(warranty.quantity, 1.0)
            self.assertTrue(warranty.is_serial)
            self.assertEqual(warranty.delivery_date, date(2026, 3, 15))
            self.assertEqual(warranty.start_date, date(2026, 3, 15))
            self.assertEqual(warranty.end_date, date(2027, 3, 15))
            self.assertEqual(warranty.return_deadline, date(2026, 3, 22))
            self.assertEqual(warranty.exchange_deadline, date(2026, 3, 30))
            self.assertEqual(warranty.term_id, self.term)
            self.assertEqual(warranty.period_months, 12)
            self.assertIn("Liquid damage", warranty.exclusions)
        self.assertEqual(picking.dealer_warranty_count, 2)

    def test_asv22_untracked_delivery_records_the_quantity(self):
        """ASV-22: untracked products get one warranty for the delivered quantity."""
        _order, picking = self._sell(self.cable, 5)
        warranty = self.Warranty.search([("picking_id", "=", picking.id)])
        self.assertEqual(len(warranty), 1)
        self.assertFalse(warranty.lot_id)
        self.assertFalse(warranty.is_serial)
        self.assertEqual(warranty.quantity, 5.0)

    def test_asv22_product_without_terms_gets_no_warranty(self):
        """ASV-22: only products with published terms are under warranty."""
        plain = self.env["product.product"].create(
            {"name": "Gift bag", "is_storable": True}
        )
        _order, picking = self._sell(plain, 1)
        self.assertFalse(self.Warranty.search([("picking_id", "=", picking.id)]))

    def test_asv22_product_terms_override_the_category(self):
        """ASV-22: terms are per category, with a per-product override."""
        long_term = self.env["dealer.warranty.term"].create(
            {"name": "Premium 36 months", "period_months": 36}
        )
        self.assertEqual(
            self.keyboard.product_tmpl_id.dealer_effective_warranty_term_id, self.term
        )
        child = self.env["product.category"].create(
            {"name": "Sub", "parent_id": self.category.id}
        )
        self.cable.categ_id = child
        self.assertEqual(
            self.cable.product_tmpl_id.dealer_effective_warranty_term_id,
            self.term,
            "A sub-category inherits its parent's terms.",
        )
        self.keyboard.product_tmpl_id.dealer_warranty_term_id = long_term
        _order, picking = self._sell(
            self.keyboard, 1, self._lot(self.keyboard, "KB-36")
        )
        warranty = picking.dealer_warranty_ids
        self.assertEqual(warranty.term_id, long_term)
        self.assertEqual(warranty.end_date, date(2029, 3, 15))

    def test_asv22_term_change_never_rewrites_sold_warranties(self):
        """ASV-22: a later change of terms does not change sold warranties, and a
        warranty's snapshot cannot be edited."""
        _order, picking = self._sell(self.keyboard, 1, self._lot(self.keyboard, "KB-T"))
        warranty = picking.dealer_warranty_ids
        self.term.write({"period_months": 6, "return_days": 3, "exchange_days": 5})
        warranty.invalidate_recordset()
        self.assertEqual(warranty.period_months, 12)
        self.assertEqual(warranty.end_date, date(2027, 3, 15))
        self.assertEqual(warranty.return_days, 7)
        with self.assertRaisesRegex(UserError, "ASV-22"):
            warranty.with_user(self.after_sales_manager).end_date = "2030-01-01"
        with self.assertRaises(UserError):
            warranty.unlink()

    def test_asv22_serial_cannot_have_two_active_warranties(self):
        """A serial under an active warranty can't get a second one."""
        lot = self._lot(self.keyboard, "KB-DUP")
        _order, picking = self._sell(self.keyboard, 1, lot)
        warranty = picking.dealer_warranty_ids
        values = warranty.copy_data()[0]
        values.update(move_id=False, picking_id=False)
        with self.assertRaisesRegex(ValidationError, "KB-DUP"):
            self.Warranty.create(values)
        self.env.invalidate_all(flush=False)
        # Void warranties stay for history and free the serial.
        warranty._dealer_void("Test")
        self.assertEqual(warranty.state, "void")
        self.assertTrue(self.Warranty.create(values))
        self.assertTrue(warranty.exists())

    def test_asv22_plain_return_voids_the_warranty(self):
        """A unit returned outside a request (core Return button) is no longer
        under warranty; the record stays, void."""
        lot = self._lot(self.keyboard, "KB-RET")
        _order, picking = self._sell(self.keyboard, 1, lot)
        warranty = picking.dealer_warranty_ids
        wizard = self.env["stock.return.picking"].create({"picking_id": picking.id})
        wizard.product_return_moves.quantity = 1
        returned = wizard._create_return()
        returned.move_line_ids.lot_id = lot
        self._validate(returned)
        self.assertEqual(warranty.state, "void")
        self.assertIn(returned.name, warranty.void_reason)
        # The customer's return lands in pending inspection like any receipt.
        self.assertEqual(returned.location_dest_id, self.pending)

    def test_asv22_cron_marks_ended_warranties_expired(self):
        """Ended warranties are shown as expired; the cron is safe to run twice."""
        _order, picking = self._sell(
            self.keyboard, 1, self._lot(self.keyboard, "KB-EX")
        )
        warranty = picking.dealer_warranty_ids
        with freeze_time("2027-03-15"):
            self.Warranty._cron_expire()
            self.assertEqual(warranty.state, "active")
        with freeze_time("2027-03-16"):
            self.Warranty._cron_expire()
            self.Warranty._cron_expire()
            self.assertEqual(warranty.state, "expired")

    def test_asv22_lookup_by_serial(self):
        """A warranty is found by serial from the search and the lookup."""
        lot = self._lot(self.keyboard, "KB-LOOK")
        _order, picking = self._sell(self.keyboard, 1, lot)
        warranty = picking.dealer_warranty_ids
        self.assertEqual(self.Warranty.name_search("KB-LOOK")[0][0], warranty.id)
        with freeze_time("2026-03-20"):
            lookup = self.env["dealer.warranty.lookup"].create({"serial": " KB-LOOK "})
            self.assertEqual(lookup.warranty_id, warranty)
            self.assertTrue(lookup.return_open and lookup.exchange_open)
            self.assertTrue(lookup.eligible)
        self.assertEqual(lot.dealer_warranty_end_date, date(2027, 3, 15))

    def test_asv22_warranty_creation_costs_no_query_per_serial(self):
        """Validating a delivery of many serials costs no query per serial:
        3 or 12 serials, the same queries."""
        plain = self.env["product.product"].create(
            {
                "name": "Mouse without terms yet",
                "is_storable": True,
                "tracking": "serial",
            }
        )
        small = [self._lot(plain, f"MS-S{i}") for i in range(3)]
        big = [self._lot(plain, f"MS-B{i}") for i in range(12)]
        _order, small_picking = self._sell(plain, 3, small)
        _order, big_picking = self._sell(plain, 12, big)
        plain.product_tmpl_id.dealer_warranty_term_id = self.term
        counts = []
        for picking in (small_picking, big_picking):
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            created = self.Warranty._dealer_create_from_moves(picking.move_ids)
            self.env.flush_all()
            counts.append(self.env.cr.sql_log_count - before)
            self.assertEqual(len(created), len(picking.move_line_ids))
        self.assertLessEqual(counts[1], counts[0], counts)
