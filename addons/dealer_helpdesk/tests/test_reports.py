# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo.tests import tagged

from .common import DealerHelpdeskCommon


@tagged("post_install", "-at_install")
class TestReports(DealerHelpdeskCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.supplier = cls.env["res.partner"].create({"name": "Keyboard Factory"})
        cls.keyboard.seller_ids = [(0, 0, {"partner_id": cls.supplier.id})]
        cls.lot = cls._lot(cls.keyboard, "KB-REPORT")
        cls._sell(cls.keyboard, 1, cls.lot)
        cls.Report = cls.env["dealer.helpdesk.ticket.report"]

    def _rows(self, domain, groupby, fields=("ticket_count:sum",)):
        self.env.flush_all()
        return self.Report._read_group(domain, groupby, list(fields))

    def test_knw03_tickets_by_type_product_and_month(self):
        """KNW-03: tickets are classified and counted by type, product, month."""
        marker = self.env["res.partner"].create({"name": "Report customer"})
        self._ticket("fault", product_id=self.keyboard.id, partner_id=marker.id)
        self._ticket("fault", when="2026-07-02 08:00:00", partner_id=marker.id)
        self._ticket("complaint", partner_id=marker.id)
        rows = self._rows(
            [("partner_id", "=", marker.id)], ["ticket_type", "date:month"]
        )
        counts = {(t, m.month): n for t, m, n in rows}
        self.assertEqual(
            counts, {("fault", 6): 1, ("fault", 7): 1, ("complaint", 6): 1}
        )

    def test_cmp04_on_time_rate(self):
        """CMP-04: the on-time rate is the share of closed tickets closed within
        their promise."""
        marker = self.env["res.partner"].create({"name": "Rate customer"})
        tickets = [
            self._ticket("consultation", partner_id=marker.id) for _i in range(4)
        ]
        with freeze_time("2026-06-01 12:00:00"):
            (tickets[0] | tickets[1] | tickets[2]).stage_id = self.stage_done
        with freeze_time("2026-06-03 12:00:00"):
            tickets[3].stage_id = self.stage_done
        ((rate, closed),) = self._rows(
            [("partner_id", "=", marker.id)],
            [],
            ("on_time_rate:avg", "closed_count:sum"),
        )
        self.assertEqual(closed, 4)
        self.assertAlmostEqual(rate, 75.0)

    def test_asv06_repeat_faults_per_serial_within_the_window(self):
        """ASV-06, KNW-03: a second fault of a serial within 90 days counts as a
        repeat; one after the window does not."""
        first = self._ticket("fault", dealer_serial="KB-REPORT")
        second = self._ticket(
            "fault", when="2026-07-01 08:00:00", dealer_serial="KB-REPORT"
        )
        late = self._ticket(
            "fault", when="2027-01-10 08:00:00", dealer_serial="KB-REPORT"
        )
        self.env.flush_all()
        repeats = {
            r.ticket_id: r.repeat_fault_count
            for r in self.Report.search([("lot_id", "=", self.lot.id)])
        }
        self.assertEqual(repeats, {first: 0, second: 1, late: 0})

    def test_cmp07_root_causes_by_product_supplier_and_category(self):
        """CMP-07: closed complaints' root causes are analysed by product,
        supplier and category."""
        ticket = self._ticket("complaint", product_id=self.keyboard.id)
        self.assertEqual(ticket.dealer_supplier_id, self.supplier)
        ticket.write(
            {
                "dealer_root_cause": "Weak solder joints",
                "dealer_root_cause_category": "supplier",
                "dealer_corrective_action": "Supplier audit, incoming inspection",
                "dealer_customer_confirmation": "confirmed",
                "stage_id": self.stage_done.id,
            }
        )
        rows = self._rows(
            [("ticket_type", "=", "complaint"), ("supplier_id", "=", self.supplier.id)],
            ["root_cause_category", "product_id", "supplier_id"],
        )
        self.assertEqual(rows, [("supplier", self.keyboard, self.supplier, 1)])

    def test_cmp10_complaints_per_100_orders(self):
        """CMP-10: complaints per 100 confirmed sales orders in the month."""
        for _i in range(4):
            self._sell(self.cable, 1, when="2026-09-10 09:00:00")
        self._ticket("complaint", when="2026-09-12 08:00:00")
        self.env.flush_all()
        rate = self.env["dealer.helpdesk.complaint.rate"].search(
            [("company_id", "=", self.company.id), ("month", "=", "2026-09-01")]
        )
        self.assertEqual(rate.complaint_count, 1)
        self.assertEqual(rate.order_count, 4)
        self.assertAlmostEqual(rate.complaint_rate, 25.0)
