# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""HRM-14: self, superior, peer and customer evaluations with the company's
weights, mixed with the KPI score; the customer's by a survey link without
login; the cycle's XLSX export."""

import io
import zipfile

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, tagged

from .common import DealerKpiHierarchyCommon


class EvaluationCommon(DealerKpiHierarchyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write(
            {
                "dealer_eval_weight_self": 10,
                "dealer_eval_weight_superior": 50,
                "dealer_eval_weight_peer": 20,
                "dealer_eval_weight_customer": 20,
                "dealer_appraisal_kpi_share": 60,
            }
        )
        cls.survey = cls.env["survey.survey"].create(
            {
                "title": "How did we serve you?",
                "access_mode": "token",
                "users_login_required": False,
                "scoring_type": "scoring_without_answers",
                "question_and_page_ids": [
                    Command.create(
                        {
                            "title": "Was the repair done well?",
                            "question_type": "simple_choice",
                            "suggested_answer_ids": [
                                Command.create(
                                    {"value": "Very well", "answer_score": 10}
                                ),
                                Command.create({"value": "Well", "answer_score": 7}),
                                Command.create({"value": "Badly", "answer_score": 0}),
                            ],
                        }
                    )
                ],
            }
        )
        cls.company.dealer_appraisal_survey_id = cls.survey
        cls.customer = cls.env["res.partner"].create({"name": "Customer Ltd"})

    def _customer_eval(self):
        return (
            self.env["dealer.appraisal.evaluation"]
            .with_user(self.head)
            .create(
                {
                    "appraisal_id": self.appraisal.id,
                    "kind": "customer",
                    "partner_id": self.customer.id,
                }
            )
        )


@tagged("post_install", "-at_install")
class TestEvaluation(EvaluationCommon):
    def test_hrm_14_weights_not_totalling_100_refused(self):
        with self.assertRaisesRegex(ValidationError, "HRM-14"):
            with self.env.cr.savepoint():
                self.company.dealer_eval_weight_peer = 25
        # Through the settings: two weights changed together are one write.
        settings = self.env["res.config.settings"].create(
            {"dealer_eval_weight_self": 20, "dealer_eval_weight_superior": 40}
        )
        settings.execute()
        self.assertEqual(self.company.dealer_eval_weight_self, 20)
        with self.assertRaisesRegex(ValidationError, "HRM-14"):
            with self.env.cr.savepoint():
                self.env["res.config.settings"].create(
                    {"dealer_eval_weight_self": 30}
                ).execute()

    def test_hrm_14_score_mixes_kpis_and_evaluations(self):
        evaluations = self.appraisal.dealer_evaluation_ids
        own = evaluations.filtered(lambda e: e.kind == "self")
        superior = evaluations.filtered(lambda e: e.kind == "superior")
        self.assertEqual(own.evaluator_user_id, self.tech)
        self.assertEqual(superior.evaluator_user_id, self.head)
        # KPI only so far: the KPI score is the score.
        self.assertEqual(self.appraisal.dealer_total_score, 80)
        own.with_user(self.tech).write({"score": 100})
        own.with_user(self.tech).action_submit()
        superior.with_user(self.head).score = 70
        superior.with_user(self.head).action_submit()
        self.peer_eval.with_user(self.tech2).score = 40
        self.peer_eval.with_user(self.tech2).action_submit()
        # Evaluations: (10*100 + 50*70 + 20*40) / 80 = 66.25 (no customer yet);
        # score: 60 % of 80 + 40 % of 66.25 = 74.5.
        self.assertEqual(self.appraisal.dealer_eval_score, 66.25)
        self.assertEqual(self.appraisal.dealer_total_score, 74.5)
        self.assertEqual(self.appraisal.dealer_grade, "c")
        # The appraisee sees the peers' average, not the peers.
        self.assertEqual(self.appraisal.with_user(self.tech).dealer_eval_peer, 40)
        # Refused: the appraisee changes their submitted score, picks their
        # own evaluators, or submits another's evaluation.
        with self.assertRaisesRegex(UserError, "HRM-14"):
            own.with_user(self.tech).score = 10
        with self.assertRaises(AccessError):
            self.env["dealer.appraisal.evaluation"].with_user(self.tech).create(
                {
                    "appraisal_id": self.appraisal.id,
                    "kind": "peer",
                    "evaluator_user_id": self.tech.id,
                }
            )
        with self.assertRaises(AccessError):
            self._customer_eval().with_user(self.tech2).action_submit()

    def test_hrm_14_customer_scores_by_survey(self):
        evaluation = self._customer_eval()
        answer = evaluation.survey_user_input_id
        self.assertTrue(evaluation.survey_url.endswith(answer.access_token))
        question = self.survey.question_ids
        # sudo: as the survey's public controller saves the customer's answer.
        answer.sudo()._save_lines(
            question,
            question.suggested_answer_ids.filtered(lambda a: a.value == "Well").id,
        )
        answer.sudo()._mark_done()
        self.assertEqual(evaluation.state, "done")
        self.assertEqual(evaluation.score, 70)
        self.assertEqual(self.appraisal.dealer_eval_customer, 70)
        # No survey in the settings: refused, naming the setting.
        self.company.dealer_appraisal_survey_id = False
        with self.assertRaisesRegex(UserError, "HRM-14"):
            self._customer_eval()

    def test_hrm_18_cycle_exports_to_xlsx(self):
        content, kind = (
            self.env["ir.actions.report"]
            .with_user(self.director)
            ._render_xlsx(
                "dealer_kpi.report_appraisal_cycle_xlsx", self.appraisal.ids, {}
            )
        )
        self.assertEqual(kind, "xlsx")
        with zipfile.ZipFile(io.BytesIO(content)) as book:
            strings = book.read("xl/sharedStrings.xml").decode()
            sheet = book.read("xl/worksheets/sheet1.xml").decode()
        for text in ("Tech", "On time", "2026-Q2", "Grade", "Outcome"):
            self.assertIn(text, strings)
        self.assertEqual(sheet.count("<row "), 2)


@tagged("post_install", "-at_install")
class TestEvaluationHttp(HttpCase, EvaluationCommon):
    def test_hrm_14_customer_opens_the_link_without_login(self):
        evaluation = self._customer_eval()
        response = self.url_open(evaluation.survey_url)
        self.assertEqual(response.status_code, 200)
        self.assertIn("How did we serve you?", response.text)
        self.assertNotIn("/web/login", response.url)
