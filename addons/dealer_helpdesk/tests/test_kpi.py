# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import DealerHelpdeskCommon


@tagged("post_install", "-at_install")
class TestKpi(DealerHelpdeskCommon):
    """HRM-13, CMP-04, CMP-11: the KPIs of tickets, counted in the company's
    time zone, and the complaint rate charged to the accountable person."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.partner_id.tz = "Asia/Shanghai"
        cls.ontime = cls.env.ref("dealer_helpdesk.kpi_hd_ontime")
        cls.rate = cls.env.ref("dealer_helpdesk.kpi_cmp_rate")
        cls.Value = cls.env["dealer.kpi.value"]

    def _close(self, ticket, when):
        with freeze_time(when):
            ticket.write({"stage_id": self.stage_done.id})
            self.env.flush_all()

    def _value(self, kpi, user, period):
        return self.Value.search(
            [
                ("kpi_id", "=", kpi.id),
                ("user_id", "=", user.id),
                ("period", "=", period),
            ]
        )

    def _consultation(self, when="2026-06-01 08:00:00"):
        return self._ticket(
            "consultation",
            when=when,
            user_id=self.technician.id,
            team_id=self.team_tech.id,
        )

    def test_hrm_13_hd_ontime_three_of_four_is_75_percent(self):
        """Promised within 24 hours: three closed in time, one two days late."""
        tickets = [self._consultation() for _i in range(4)]
        for ticket in tickets[:3]:
            self._close(ticket, "2026-06-01 20:00:00")
        self._close(tickets[3], "2026-06-03 09:00:00")
        with freeze_time("2026-06-10 02:00:00"):
            self.ontime._dealer_refresh()
        value = self._value(self.ontime, self.technician, "2026-Q2")
        self.assertEqual((value.numerator, value.denominator), (3.0, 4.0))
        self.assertEqual(value.value, 75.0)
        self.assertEqual(value.state, "open")
        # The handler's colleagues have no value of it.
        self.assertFalse(self._value(self.ontime, self.hd_agent, "2026-Q2"))

    def test_hrm_13_hd_ontime_closed_2330_local_on_the_last_day_counts_in_the_quarter(
        self,
    ):
        """23:30 in Shanghai on 30 June is 15:30 UTC: Q2. Half past midnight on
        1 July (16:30 UTC on 30 June) is Q3."""
        late_evening = self._consultation("2026-06-30 10:00:00")
        after_midnight = self._consultation("2026-06-30 10:00:00")
        self._close(late_evening, "2026-06-30 15:30:00")
        self._close(after_midnight, "2026-06-30 16:30:00")
        with freeze_time("2026-07-02 02:00:00"):
            self.ontime._dealer_refresh()
        q2 = self._value(self.ontime, self.technician, "2026-Q2")
        q3 = self._value(self.ontime, self.technician, "2026-Q3")
        self.assertEqual((q2.denominator, q2.state), (1.0, "provisional"))
        self.assertEqual((q3.denominator, q3.state), (1.0, "open"))

    def test_hrm_13_refresh_twice_same_rows_and_final_values_kept(self):
        tickets = [self._consultation() for _i in range(2)]
        self._close(tickets[0], "2026-06-01 20:00:00")
        with freeze_time("2026-06-10 02:00:00"):
            self.ontime._dealer_refresh()
            self.ontime._dealer_refresh()
        value = self._value(self.ontime, self.technician, "2026-Q2")
        self.assertEqual(len(value), 1)
        with freeze_time("2026-07-20 02:00:00"):
            self.ontime._dealer_refresh()
            self.Value._dealer_finalize_due()
        self.assertEqual(value.state, "final")
        self._close(tickets[1], "2026-06-03 09:00:00")
        with freeze_time("2026-07-20 03:00:00"):
            self.ontime._dealer_refresh(day=date(2026, 6, 30))
        self.assertEqual((value.numerator, value.denominator), (1.0, 1.0))

    def _complaint(self, **values):
        ticket = self._ticket(
            "complaint",
            user_id=self.hd_agent.id,
            team_id=self.team_service.id,
        )
        vals = {
            "dealer_root_cause": "Installer forgot the bracket",
            "dealer_root_cause_category": "installation",
            "dealer_corrective_action": "Bracket fitted; checklist updated",
            "dealer_customer_confirmation": "confirmed",
        }
        vals.update(values)
        ticket.write(vals)
        return ticket

    def test_cmp_11_complaint_names_who_answers_before_closing(self):
        ticket = self._complaint(dealer_accountable_kind="person")
        with self.assertRaisesRegex(ValidationError, "CMP-11.*Accountable person"):
            with self.env.cr.savepoint():
                self._close(ticket.with_user(self.hd_agent), "2026-06-02 10:00:00")
        self.assertFalse(ticket.stage_id.closed)
        # Positive control: the person named, the complaint closes.
        ticket.dealer_accountable_user_id = self.installer
        self._close(ticket.with_user(self.hd_agent), "2026-06-02 10:00:00")
        self.assertTrue(ticket.stage_id.closed)

    def test_cmp_11_department_is_proposed_from_the_team(self):
        ticket = self._complaint()
        self.assertEqual(ticket.dealer_accountable_kind, "department")
        self.assertEqual(ticket.dealer_accountable_department, "after_sales")
        ticket.dealer_accountable_department = False
        with self.assertRaisesRegex(ValidationError, "CMP-11"):
            with self.env.cr.savepoint():
                self._close(ticket, "2026-06-02 10:00:00")

    def test_cmp_11_complaint_rate_counts_against_the_accountable_person(self):
        """The installer named accountable is charged; the agent who handled
        the complaint is not. The installer handled 4 cases: 1 per 4 = 25 %."""
        complaint = self._complaint(
            dealer_accountable_kind="person",
            dealer_accountable_user_id=self.installer.id,
        )
        self._close(complaint, "2026-06-02 10:00:00")
        for _i in range(4):
            ticket = self._ticket(
                "consultation",
                user_id=self.installer.id,
                team_id=self.team_tech.id,
            )
            self._close(ticket, "2026-06-03 10:00:00")
        with freeze_time("2026-06-10 02:00:00"):
            self.rate._dealer_refresh()
        installer = self._value(self.rate, self.installer, "2026-Q2")
        self.assertEqual((installer.numerator, installer.denominator), (1.0, 4.0))
        self.assertEqual(installer.value, 25.0)
        agent = self._value(self.rate, self.hd_agent, "2026-Q2")
        self.assertEqual((agent.numerator, agent.denominator), (0.0, 1.0))
