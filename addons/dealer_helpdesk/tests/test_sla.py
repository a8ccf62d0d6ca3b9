# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo.tests import tagged, users, warmup

from .common import DealerHelpdeskCommon


@tagged("post_install", "-at_install")
class TestSla(DealerHelpdeskCommon):
    def _check(self, when):
        with freeze_time(when):
            return self.Ticket._dealer_cron_check_sla()

    def _escalations(self, ticket):
        return ticket.activity_ids.filtered(
            lambda a: a.activity_type_id
            == self.env.ref("dealer_helpdesk.mail_activity_type_escalation")
        )

    def test_cmp03_asv01_routing_to_the_department_team(self):
        """CMP-03, ASV-01: a complaint goes to the after-sales team, a fault or
        a consultation to the technical team, as the settings say."""
        complaint = self._ticket("complaint")
        fault = self._ticket("fault")
        self.assertEqual(complaint.team_id, self.team_service)
        self.assertEqual(complaint.dealer_department, "after_sales")
        self.assertEqual(fault.team_id, self.team_tech)
        self.assertEqual(fault.dealer_department, "technical")
        self.assertEqual(fault.stage_id, self.stage_new)
        chosen = self._ticket("fault", team_id=self.team_service.id)
        self.assertEqual(chosen.team_id, self.team_service, "a chosen team is kept")

    def test_cmp04_asv02_status_at_the_boundaries(self):
        """CMP-04, ASV-02: on time until 75% of the promised time, at risk up to
        the promised second itself, late one second after."""
        ticket = self._ticket("consultation")  # promised 2026-06-02 08:00
        self._check("2026-06-02 01:59:59")
        self.assertEqual(ticket.dealer_sla_state, "on_time")
        self._check("2026-06-02 02:00:00")
        self.assertEqual(ticket.dealer_sla_state, "at_risk")
        self._check("2026-06-02 08:00:00")
        self.assertEqual(ticket.dealer_sla_state, "at_risk")
        self.assertFalse(self._escalations(ticket))
        self._check("2026-06-02 08:00:01")
        self.assertEqual(ticket.dealer_sla_state, "late")

    def test_cmp04_late_ticket_escalates_to_the_department_manager(self):
        """CMP-04: a late ticket gives the responsible department's manager an
        activity, once, however often the job runs."""
        ticket = self._ticket("fault")
        self._check("2026-06-04 09:00:00")
        activity = self._escalations(ticket)
        self.assertEqual(len(activity), 1)
        self.assertTrue(
            activity.user_id.has_group("dealer_base.group_technical_manager")
        )
        self.assertNotEqual(activity.user_id, self.env.ref("base.user_admin"))
        self._check("2026-06-04 10:00:00")
        self.assertEqual(len(self._escalations(ticket)), 1, "safe to run twice")

    def test_cmp04_extension_puts_a_late_ticket_back_on_time(self):
        """CMP-02, CMP-04: after an extension with a reason, the status follows
        the new promise."""
        ticket = self._ticket("consultation")
        self._check("2026-06-02 09:00:00")
        self.assertEqual(ticket.dealer_sla_state, "late")
        with freeze_time("2026-06-02 09:00:00"):
            ticket.with_user(self.technician)._dealer_extend_promise(
                "2026-06-10 08:00:00", "Waiting for the supplier"
            )
        self.assertEqual(ticket.dealer_sla_state, "on_time")

    def test_cmp04_closing_freezes_on_time_or_late(self):
        """CMP-04: a ticket closed before its promise counts as on time, after it
        as late, and the job leaves closed tickets alone."""
        on_time = self._ticket("consultation")
        late = self._ticket("consultation")
        with freeze_time("2026-06-02 07:00:00"):
            on_time.stage_id = self.stage_done
        with freeze_time("2026-06-02 09:00:00"):
            late.stage_id = self.stage_done
        self.assertTrue(on_time.dealer_closed_on_time)
        self.assertEqual(on_time.dealer_sla_state, "on_time")
        self.assertFalse(late.dealer_closed_on_time)
        self.assertEqual(late.dealer_sla_state, "late")
        moved = self._check("2026-07-01 00:00:00")
        self.assertFalse((moved["late"] | moved["at_risk"]) & (on_time | late))

    @users("__system__")
    @warmup
    def test_cmp04_sla_job_query_count_does_not_grow(self):
        """CMP-04, performance: the SLA job is set-wise; its query count does not
        depend on how many tickets it looks at."""
        for _i in range(3):
            self._ticket("consultation")
        self._check("2026-06-02 03:00:00")  # all at risk now
        with freeze_time("2026-06-02 04:00:00"), self.assertQueryCount(3):
            self.Ticket._dealer_cron_check_sla()
        for _i in range(30):
            self._ticket("consultation")
        self._check("2026-06-02 03:00:00")
        with freeze_time("2026-06-02 04:00:00"), self.assertQueryCount(3):
            self.Ticket._dealer_cron_check_sla()
