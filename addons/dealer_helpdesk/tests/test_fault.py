# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import DealerHelpdeskCommon


@tagged("post_install", "-at_install")
class TestFault(DealerHelpdeskCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer.write(
            {"street": "1 Keji Road", "city": "Shenzhen", "zip": "518057"}
        )
        cls.lot = cls._lot(cls.keyboard, "KB-HD-1")
        cls._sell(cls.keyboard, 1, cls.lot)  # delivered 2026-03-15, 12 months

    def _fault(self, when="2026-06-01 08:00:00", **values):
        vals = {
            "product_id": self.keyboard.id,
            "dealer_serial": "KB-HD-1",
            "user_id": self.technician.id,
        }
        vals.update(values)
        return self._ticket("fault", when=when, **vals)

    def test_asv23_warranty_status_is_shown_live(self):
        """ASV-23, KNW-01: the ticket finds the serial and shows its warranty."""
        ticket = self._fault()
        self.assertEqual(ticket.lot_id, self.lot)
        self.assertTrue(ticket.dealer_warranty_id)
        self.assertTrue(ticket.dealer_warranty_covered)
        self.assertEqual(ticket.dealer_serial_flag, "ok")
        self.assertIn("Covered by", ticket.dealer_warranty_message)

    def test_asv06_serial_not_ours_or_of_another_customer_is_flagged(self):
        """ASV-06, bad input: a serial we never delivered, or delivered to
        someone else, is flagged on the ticket and blocks the repair order."""
        unknown = self._fault(dealer_serial="NOT-OURS-42")
        self.assertFalse(unknown.lot_id)
        self.assertEqual(unknown.dealer_serial_flag, "unknown")
        self.assertIn("No warranty", unknown.dealer_warranty_message)
        with self.assertRaisesRegex(UserError, "ASV-06.*Serial number"):
            unknown.action_create_repair()
        stranger = self._fault(partner_id=self.other_customer.id)
        self.assertEqual(stranger.dealer_serial_flag, "other_customer")
        self.assertIn("not to", stranger.dealer_warranty_message)
        flagged = self.Ticket.search(
            [("dealer_serial_flag", "in", ("unknown", "other_customer"))]
        )
        self.assertEqual(flagged, unknown | stranger)

    def test_knw02_remote_solution_needs_a_diagnosis(self):
        """KNW-02: solved on the spot only with the diagnosis written down."""
        ticket = self._fault()
        with self.assertRaisesRegex(UserError, "KNW-02.*Diagnosis"):
            ticket.action_solve_remotely()
        ticket.dealer_diagnosis = "Keyboard layout switched by Fn+Alt"
        ticket.action_solve_remotely()
        self.assertEqual(ticket.dealer_resolution, "remote")

    def test_asv04_asv13_onsite_visit_in_the_technicians_calendar(self):
        """ASV-04, ASV-13: a visit with the technician, the customer's address
        and the parts to bring."""
        ticket = self._fault(dealer_visit_parts="2 key switches, puller")
        action = ticket.with_user(self.technician).action_schedule_visit()
        event = self.env["calendar.event"].browse(action["res_id"])
        self.assertEqual(event.dealer_ticket_id, ticket)
        self.assertEqual(event.user_id, self.technician)
        self.assertIn(self.customer, event.partner_ids)
        self.assertIn("Keji Road", event.location)
        self.assertEqual(event.dealer_parts_to_bring, "2 key switches, puller")
        self.assertEqual(ticket.dealer_visit_ids, event)
        self.assertEqual(ticket.dealer_resolution, "on_site")

    def test_asv13_visit_slot_follows_the_company_settings(self):
        """ASV-13: the visit is proposed the next day (company time zone) at the
        company's start hour, for its duration; bounds are refused by name."""
        self.env.company.partner_id.tz = "Asia/Shanghai"
        self.env.company.write(
            {"dealer_hd_visit_start_hour": 14.5, "dealer_hd_visit_duration": 1.5}
        )
        ticket = self._fault()
        # 20:00 UTC on 1 June is already 2 June in Shanghai: the visit is on
        # 3 June at 14:30 Shanghai time, 06:30 UTC.
        with freeze_time("2026-06-01 20:00:00"):
            action = ticket.action_schedule_visit()
        event = self.env["calendar.event"].browse(action["res_id"])
        self.assertEqual(event.start, datetime(2026, 6, 3, 6, 30))
        self.assertEqual(event.stop, datetime(2026, 6, 3, 8, 0))
        with self.assertRaisesRegex(ValidationError, "Visit duration.*ASV-13"):
            self.env.company.dealer_hd_visit_duration = 0

    def test_asv07_asv23_repair_in_warranty_is_free(self):
        """ASV-06, ASV-07, ASV-23: the repair order is linked both ways and free
        when the ticket came in during the warranty."""
        ticket = self._fault()
        action = ticket.action_create_repair()
        repair = self.env["repair.order"].browse(action["res_id"])
        self.assertEqual(repair.dealer_ticket_id, ticket)
        self.assertEqual(ticket.dealer_repair_ids, repair)
        self.assertEqual(repair.lot_id, self.lot)
        self.assertEqual(repair.partner_id, self.customer)
        self.assertTrue(repair.under_warranty)
        self.assertEqual(ticket.dealer_resolution, "repair")
        self.assertTrue(ticket.dealer_repair_state)

    def test_asv23_repair_after_warranty_is_charged(self):
        """ASV-23: a ticket taken after the warranty ended gives a charged
        repair, judged on the day the customer called."""
        ticket = self._fault(when="2027-04-01 08:00:00")
        self.assertFalse(ticket.dealer_warranty_covered)
        repair = self.env["repair.order"].browse(
            ticket.action_create_repair()["res_id"]
        )
        self.assertFalse(repair.under_warranty)

    def test_asv06_repair_needs_a_product(self):
        """ASV-06: no repair order without the product."""
        ticket = self._ticket("fault")
        with self.assertRaisesRegex(UserError, "ASV-06.*Product"):
            ticket.action_create_repair()

    def test_asv11_shipment_needs_tracking_and_is_emailed(self):
        """ASV-10, ASV-11: carrier, tracking number and expected arrival are
        required, then sent to the customer by a queued email."""
        ticket = self._fault()
        ticket.action_create_repair()
        ticket.dealer_carrier = "SF Express"
        with self.assertRaisesRegex(UserError, "ASV-11.*Tracking number"):
            ticket.action_notify_shipment()
        ticket.write(
            {
                "dealer_tracking_ref": "SF1234567890",
                "dealer_expected_arrival": "2026-06-05",
            }
        )
        ticket.action_notify_shipment()
        self.assertTrue(ticket.dealer_shipment_notified)
        mail = self.env["mail.mail"].search(
            [
                ("model", "=", "helpdesk.ticket"),
                ("res_id", "=", ticket.id),
                ("body_html", "ilike", "SF1234567890"),
            ]
        )
        self.assertEqual(mail.state, "outgoing")

    def test_asv20_return_ticket_becomes_a_warranty_request(self):
        """ASV-19, ASV-20: a return/exchange ticket creates dealer_warranty's
        request, judged on the day the customer called."""
        ticket = self._ticket(
            "return", product_id=self.keyboard.id, dealer_serial="KB-HD-1"
        )
        self.assertEqual(ticket.team_id, self.team_service)
        claim = self.env["dealer.warranty.claim"].browse(
            ticket.action_create_warranty_claim()["res_id"]
        )
        self.assertEqual(ticket.dealer_warranty_claim_id, claim)
        self.assertEqual(claim.lot_id, self.lot)
        self.assertEqual(claim.partner_id, self.customer)
        self.assertEqual(str(claim.request_date), "2026-06-01")
        self.assertEqual(claim.state, "draft")
        empty = self._ticket("return")
        empty.partner_id = False
        with self.assertRaisesRegex(UserError, "ASV-20"):
            empty.action_create_warranty_claim()

    def test_asv23_a_new_warranty_updates_the_open_ticket(self):
        """ASV-06, ASV-23: the warranty check is stored (filtered on) and made
        again from the warranty's side: a unit delivered after the customer
        called is no longer flagged on the open ticket."""
        ticket = self._fault(dealer_serial="KB-HD-LATE")
        self.assertEqual(ticket.dealer_serial_flag, "unknown")
        self.assertFalse(ticket.dealer_warranty_id)
        late = self._lot(self.keyboard, "KB-HD-LATE")
        self._sell(self.keyboard, 1, late)
        warranty = self.env["dealer.warranty"].search([("lot_id", "=", late.id)])
        self.assertTrue(warranty)
        self.assertEqual(ticket.dealer_warranty_id, warranty)
        self.assertEqual(ticket.dealer_serial_flag, "ok")
        self.assertEqual(
            self.Ticket.search(
                [("id", "=", ticket.id), ("dealer_serial_flag", "=", "ok")]
            ),
            ticket,
        )

    def test_asv23_warranty_check_is_one_search_per_recordset(self):
        """ASV-23: the warranty check of many tickets runs a fixed number of
        queries, not a search per ticket."""
        vals = []
        for index in range(50):
            serial = "KB-HD-1" if index % 3 == 0 else f"NOT-OURS-{index}"
            vals.append(
                {"dealer_serial": serial} if index % 7 else {"dealer_serial": False}
            )
        tickets = self.Ticket.browse()
        for values in vals:
            tickets |= self._fault(**values)
        self.assertEqual(len(tickets), 50)
        expected = tickets.mapped("dealer_serial_flag")
        self.env.invalidate_all()
        with self.assertQueryCount(9):
            tickets._compute_dealer_warranty()
            tickets.mapped("dealer_warranty_message")
        self.assertEqual(tickets.mapped("dealer_serial_flag"), expected)
