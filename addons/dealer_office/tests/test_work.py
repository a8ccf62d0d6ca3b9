# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, timedelta

from odoo import fields
from odoo.exceptions import UserError, ValidationError

from .common import DealerOfficeCommon


class TestWorkPlansReports(DealerOfficeCommon):
    def test_adm_15_late_report_flagged(self):
        """ADM-15: a weekly report is due the day after its week (the
        company's grace days); submitted later, or still missing, it is
        flagged late; a submitted report is not changed or forged."""
        Report = self.env["dealer.work.report"].with_user(self.sales)
        monday = date(2026, 11, 2)
        report = Report.create(
            {"kind": "weekly", "period_start": monday, "company_id": self.company.id}
        )
        self.assertEqual(report.period_end, date(2026, 11, 8))
        self.assertEqual(report.date_due, date(2026, 11, 9))
        self.assertEqual(report.department, "sales")
        self.assertTrue(report.is_late)  # still missing, long past due
        self.assertIn(report, Report.search([("is_late", "=", True)]))
        with self.assertRaisesRegex(UserError, "ADM-15"):
            report.write({"date_submitted": monday})
        # The due date is computed from the period: not postponed by a write.
        for vals in ({"date_due": date(2099, 1, 1)}, {"period_end": date(2099, 1, 1)}):
            with self.assertRaisesRegex(UserError, "ADM-15"):
                report.write(vals)
        self.assertTrue(report.is_late)
        with self.assertRaisesRegex(UserError, "ADM-15"):
            report.action_submit()
        report.content = "<p>Visited three schools; two quotations sent.</p>"
        report.action_submit()
        self.assertEqual(report.date_submitted, fields.Date.today())
        self.assertTrue(report.is_late)
        with self.assertRaisesRegex(UserError, "ADM-15"):
            report.content = "<p>Rewritten</p>"
        with self.assertRaisesRegex(UserError, "ADM-15"):
            report.write({"date_due": date(2099, 1, 1)})
        on_time = Report.create(
            {
                "kind": "daily",
                "period_start": fields.Date.today(),
                "company_id": self.company.id,
                "content": "<p>Installed the switch at the clinic.</p>",
            }
        )
        on_time.action_submit()
        self.assertFalse(on_time.is_late)
        self.assertNotIn(on_time, Report.search([("is_late", "=", True)]))

    def test_org_14_plan_line_cannot_close_without_review(self):
        """ORG-14: a target closes with its result, review score and comment,
        by the department head; then the plan is reviewed."""
        plan = (
            self.env["dealer.work.plan"]
            .with_user(self.sales)
            .create(
                {
                    "name": "Sales plan, week 48",
                    "company_id": self.company.id,
                    "department": "sales",
                    "level": "week",
                    "date_from": fields.Date.today(),
                    "date_to": fields.Date.today() + timedelta(days=6),
                    "line_ids": [(0, 0, {"name": "Visit 5 schools"})],
                }
            )
        )
        plan.action_open()
        line = plan.line_ids
        line.result = "Visited 4 schools"
        with self.assertRaisesRegex(ValidationError, "ORG-14"):
            line.with_user(self.sales_head).action_close()
        line.write({"review_score": "4", "review_comment": "Good; one school moved."})
        with self.assertRaisesRegex(UserError, "ORG-14"):
            line.action_close()
        with self.assertRaisesRegex(UserError, "ORG-14"):
            line.write({"closed": True})
        line.with_user(self.sales_head).action_close()
        self.assertTrue(line.closed)
        self.assertEqual(line.reviewer_id, self.sales_head)
        self.assertEqual(plan.state, "done")
        with self.assertRaisesRegex(UserError, "ORG-14"):
            line.result = "Visited 6 schools"

    def test_adm_15_job_opens_the_reports_due_per_role(self):
        """ADM-15: the salespeople owe a weekly report, the sales head a
        monthly one; the job opens each once per period however often it runs,
        keeps a report already written, and reminds each author by the due
        date."""
        Duty = self.env["dealer.work.report.duty"]
        Duty.create(
            [
                {
                    "company_id": self.company.id,
                    "group_id": self.env.ref("dealer_base.group_sales_user").id,
                    "kind": "weekly",
                },
                {
                    "company_id": self.company.id,
                    "group_id": self.env.ref("dealer_base.group_sales_manager").id,
                    "kind": "monthly",
                },
            ]
        )
        Report = self.env["dealer.work.report"]
        wednesday = date(2026, 11, 4)
        written = Report.with_user(self.sales_deputy).create(
            {"kind": "weekly", "period_start": wednesday, "company_id": self.company.id}
        )
        first = Report._cron_open_due_reports(day=wednesday)
        second = Report._cron_open_due_reports(day=wednesday)
        self.assertFalse(second)
        weekly = first.filtered(lambda r: r.kind == "weekly")
        self.assertIn(self.sales, weekly.user_id)
        self.assertNotIn(self.sales_deputy, weekly.user_id)
        self.assertNotIn(self.tech, first.user_id)
        mine = weekly.filtered(lambda r: r.user_id == self.sales)
        self.assertEqual(mine.period_start, date(2026, 11, 2))
        self.assertEqual(mine.state, "draft")
        self.assertEqual(mine.activity_ids.user_id, self.sales)
        self.assertEqual(mine.activity_ids.date_deadline, mine.date_due)
        monthly = first.filtered(lambda r: r.kind == "monthly")
        self.assertEqual(monthly.user_id, self.sales_head)
        self.assertEqual(monthly.period_start, date(2026, 11, 1))
        self.assertEqual(written.state, "draft")
        # The next week opens the next reports.
        self.assertTrue(
            Report._cron_open_due_reports(day=date(2026, 11, 9)).filtered(
                lambda r: r.kind == "weekly"
            )
        )

    def test_adm_10_activity_plan_states_objective_content_time_place(self):
        """ADM-10: an activity's plan (training, seminar, exhibition) starts
        only with its objective, place, content (targets) and time."""
        plan = (
            self.env["dealer.work.plan"]
            .with_user(self.sales_head)
            .create(
                {
                    "name": "Lighting exhibition, Shenzhen Convention Centre",
                    "company_id": self.company.id,
                    "department": "sales",
                    "level": "activity",
                    "date_from": date(2026, 12, 10),
                    "date_to": date(2026, 12, 12),
                    "line_ids": [(0, 0, {"name": "Booth with the LED panel range"})],
                }
            )
        )
        with self.assertRaisesRegex(ValidationError, "ADM-10"):
            plan.action_open()
        plan.write(
            {
                "objective": "Meet thirty school and office buyers.",
                "place": "Hall 6, booth B12",
            }
        )
        plan.action_open()
        self.assertEqual(plan.state, "open")
