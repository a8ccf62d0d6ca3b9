# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import threading
from datetime import date

from odoo import SUPERUSER_ID, api
from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged

from .common import DealerRiskCommon

DAY = date(2026, 11, 20)


@tagged("post_install", "-at_install")
class TestAssessment(DealerRiskCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.high = cls._risk(4, 5, name="SSD supplier stops delivering")
        cls.medium = cls._risk(3, 3, name="Receivables overdue", owner=cls.sales_head)
        cls.closed = cls._risk(1, 1, name="Old risk")
        cls.closed.with_user(cls.office_mgr).action_close()

    def _open(self, day=DAY):
        return self.env["dealer.risk.assessment"]._dealer_open_assessments(
            self.company, day
        )

    def test_rsk_01_job_run_twice_gives_one_assessment(self):
        """RSK-01: the job opens one assessment per company and period, however
        often it runs; the next period gets its own."""
        first = self._open()
        self.assertEqual(len(first), 1)
        self.assertEqual(first.period_key, "2026-Q4")
        self.assertFalse(self._open())
        self.assertFalse(self._open(date(2026, 12, 31)))
        self.assertEqual(
            self.env["dealer.risk.assessment"].search_count(
                [("company_id", "=", self.company.id)]
            ),
            1,
        )
        self.assertEqual(len(self._open(date(2027, 1, 2))), 1)

    def test_rsk_02_assessment_snapshots_every_open_risk(self):
        """RSK-02: every open risk gets a line with its rating, level and
        response at that time; later changes to the risk leave it."""
        assessment = self._open()
        self.assertEqual(assessment.line_ids.risk_id, self.high | self.medium)
        line = assessment.line_ids.filtered(lambda item: item.risk_id == self.high)
        self.assertRecordValues(
            line, [{"likelihood": 4, "impact": 5, "level": "high", "reviewed": False}]
        )
        self.high.with_user(self.owner).write({"likelihood": 2, "impact": 2})
        self.assertEqual(line.level, "high")
        with self.assertRaisesRegex(UserError, "RSK-02"):
            line.with_user(self.owner).write({"level": "low"})
        self.assertEqual(
            set(assessment.activity_ids.user_id.ids),
            {self.owner.id, self.sales_head.id},
        )

    def test_rsk_02_lines_are_reviewed_by_the_risk_owner(self):
        """RSK-02: the owner reviews their risk; someone else cannot."""
        assessment = self._open()
        line = assessment.line_ids.filtered(lambda item: item.risk_id == self.high)
        with self.assertRaises(UserError):
            line.with_user(self.staff).action_review()
        with self.assertRaisesRegex(UserError, "RSK-02"):
            line.with_user(self.sales_head).action_review()
        self.high.with_user(self.owner).write({"likelihood": 2})
        line.with_user(self.owner).write({"review_note": "Second supplier qualified."})
        line.with_user(self.owner).action_review()
        self.assertRecordValues(
            line,
            [
                {
                    "reviewed": True,
                    "reviewed_by_id": self.owner.id,
                    "likelihood_reviewed": 2,
                    "level_reviewed": "medium",
                }
            ],
        )
        self.assertEqual(self.high.state, "assessed")
        with self.assertRaisesRegex(UserError, "RSK-02"):
            line.with_user(self.owner).write({"review_note": "changed afterwards"})
        self.assertNotIn(self.owner, assessment.activity_ids.user_id)

    def test_rsk_01_author_cannot_approve_the_assessment(self):
        """RSK-01: approval is asked once every risk is reviewed; who asked
        never approves; another member of General Management does, which
        closes the assessment."""
        assessment = self._open()
        with self.assertRaisesRegex(UserError, "RSK-02"):
            assessment.with_user(self.gm).request_validation()
        for line in assessment.line_ids:
            line.with_user(line.risk_id.owner_id).action_review()
        assessment.with_user(self.gm).request_validation()
        self.assertTrue(assessment.review_ids)
        with self.assertRaisesRegex(UserError, "RSK-01"):
            self._validate(assessment, self.gm)
        self.assertEqual(assessment.state, "open")
        with self.assertRaisesRegex(UserError, "RSK-01"):
            assessment.with_user(self.gm).write({"state": "closed"})
        self._validate(assessment, self.gm2)
        self.assertEqual(assessment.state, "closed")
        self.assertTrue(assessment.closed_date)
        self.assertFalse(assessment.activity_ids)

    def test_rsk_01_assessments_are_kept(self):
        """RSK-01: an assessment is never deleted."""
        assessment = self._open()
        with self.assertRaises(UserError):
            assessment.sudo().unlink()


@tagged("post_install", "-at_install")
class TestAssessmentTwoWorkers(TransactionCase):
    """RSK-01: two workers running the job at the same moment open one
    assessment (the second waits on the first one's row, then inserts
    nothing)."""

    DAY = date(2098, 2, 3)

    def _cleanup(self):
        with self.registry.cursor() as cr:
            # The manual keeps assessments: the test's committed rows go in SQL.
            cr.execute(
                "DELETE FROM mail_activity WHERE res_model = 'dealer.risk.assessment'"
                " AND res_id IN (SELECT id FROM dealer_risk_assessment"
                " WHERE period_key = '2098-Q1')"
            )
            cr.execute(
                "DELETE FROM mail_message WHERE model = 'dealer.risk.assessment'"
                " AND res_id IN (SELECT id FROM dealer_risk_assessment"
                " WHERE period_key = '2098-Q1')"
            )
            cr.execute(
                "DELETE FROM mail_followers WHERE res_model = 'dealer.risk.assessment'"
                " AND res_id IN (SELECT id FROM dealer_risk_assessment"
                " WHERE period_key = '2098-Q1')"
            )
            cr.execute(
                "DELETE FROM dealer_risk_assessment WHERE period_key = '2098-Q1'"
            )

    def _run(self, env):
        company = env.ref("base.main_company")
        return (
            env["dealer.risk.assessment"]
            ._dealer_open_assessments(company, self.DAY)
            .ids
        )

    def test_rsk_01_job_on_two_workers_gives_one_assessment(self):
        self.addCleanup(self._cleanup)
        results = {}
        with self.registry.cursor() as cr_a, self.registry.cursor() as cr_b:
            # The environments are made here: making one takes the registry's
            # lock, which the test runner holds.
            env_a = api.Environment(cr_a, SUPERUSER_ID, {})
            env_b = api.Environment(cr_b, SUPERUSER_ID, {})
            results["a"] = self._run(env_a)

            def second_worker():
                results["b"] = self._run(env_b)

            worker = threading.Thread(target=second_worker)
            worker.start()
            # The second worker waits on the first one's uncommitted row...
            worker.join(timeout=2)
            self.assertTrue(worker.is_alive(), "the second worker waits")
            # ...until the first one commits; then it inserts nothing.
            cr_a.commit()
            worker.join(timeout=30)
            self.assertFalse(worker.is_alive())
        self.assertEqual(len(results["a"]), 1)
        self.assertEqual(results["b"], [])
        with self.registry.cursor() as cr:
            cr.execute(
                "SELECT count(*) FROM dealer_risk_assessment"
                " WHERE period_key = '2098-Q1'"
            )
            self.assertEqual(cr.fetchone()[0], 1)
