# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, timedelta

from odoo import fields, sql_db
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from odoo.addons.base.tests.common import BaseCommon
from odoo.addons.dealer_base.tools import period_of

from ..models.mgmtsystem_audit import LOCK_CLASS

DAY = date(2024, 8, 15)  # in 2024-Q3, long before the quarter the job opens


@tagged("post_install", "-at_install")
class TestInspection(BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Audit = cls.env["mgmtsystem.audit"]
        cls.company = cls.env.company
        # ADM-24's check counts one violation while the manual was never
        # revised: a rule with evidence the inspection can show.
        cls.company.write(
            {
                "dealer_manual_revision_date": False,
                "dealer_audit_area_ids": [
                    fields.Command.link(cls.env.ref("dealer_base.area_adm").id)
                ],
            }
        )
        cls.office_head = new_test_user(
            cls.env,
            login="office_head",
            groups="dealer_base.group_administration_manager",
        )
        cls.auditor = new_test_user(
            cls.env, login="auditor", groups="dealer_base.group_administration_user"
        )
        cls.sales_head = new_test_user(
            cls.env, login="sales_head", groups="dealer_base.group_sales_manager"
        )
        cls.sales_staff = new_test_user(
            cls.env, login="sales_staff", groups="dealer_base.group_sales_user"
        )

    def _open(self, day=DAY):
        return self.Audit._dealer_open_comprehensive(day, self.company)

    def _finding_vals(self, line, **vals):
        return {
            "name": line.name,
            "description": "Found in the inspection.",
            "partner_id": self.company.partner_id.id,
            "dealer_audit_id": line.audit_id.id,
            "dealer_line_id": line.id,
            "dealer_department": "administration",
            "responsible_user_id": self.office_head.id,
            "dealer_date_deadline": date(2026, 11, 30),
            "dealer_corrective_action": "Revise the manual and record the revision.",
            **vals,
        }

    # ------------------------------------------------------------------ AUD-01
    def test_aud_01_job_run_twice_gives_one_inspection(self):
        """AUD-01: the quarterly job opens one comprehensive inspection per
        company and quarter, however often it runs."""
        first = self._open()
        self.assertEqual(len(first), 1)
        self.assertEqual(first.dealer_period, "2024-Q3")
        self.assertEqual(
            (first.dealer_date_from, first.dealer_date_to),
            (date(2024, 7, 1), date(2024, 9, 30)),
        )
        self.assertFalse(self._open(date(2024, 9, 30)))
        self.Audit._cron_dealer_comprehensive()
        self.Audit._cron_dealer_comprehensive()
        _key, this_quarter, _end = period_of(fields.Date.context_today(self.Audit), 3)
        just_ended = period_of(this_quarter - timedelta(days=1), 3)[0]
        for key in ("2024-Q3", just_ended):
            count = self.Audit.search_count(
                [
                    ("company_id", "=", self.company.id),
                    ("dealer_kind", "=", "comprehensive"),
                    ("dealer_period", "=", key),
                ]
            )
            self.assertEqual(count, 1, key)
        # The Administration head is told.
        self.assertTrue(first.activity_ids)

    def test_aud_01_second_worker_skips_the_company_being_handled(self):
        """AUD-01: while another transaction opens a company's inspections, a
        second worker leaves that company alone instead of doubling it."""
        other = sql_db.db_connect(self.env.cr.dbname).cursor()
        try:
            other.execute(
                "SELECT pg_advisory_xact_lock(%s, %s)", (LOCK_CLASS, self.company.id)
            )
            self.assertFalse(self._open())
        finally:
            other.rollback()
            other.close()
        self.assertEqual(len(self._open()), 1, "positive control")

    def test_aud_01_inspection_state_changes_only_by_its_steps(self):
        """AUD-01, AUD-04: what an inspection covers and whether it is closed
        are set by its own steps, not written by a user."""
        inspection = self._open().with_user(self.office_head)
        with self.assertRaisesRegex(UserError, "AUD-04"):
            inspection.write({"state": "done"})
        with self.assertRaisesRegex(UserError, "AUD-01"):
            inspection.write({"dealer_period": "2026-Q2"})
        inspection.write({"strong_points": "<p>Tidy warehouse</p>"})

    # ------------------------------------------------------------------ AUD-02
    def test_aud_02_checklist_has_a_line_per_rule_of_the_areas(self):
        """AUD-02: one line per registered rule of the inspected areas (by
        default purchasing, stock, sales and after-sales with complaints), with
        the violations its checks count and the records behind them."""
        inspection = self._open()
        areas = self.company.dealer_audit_area_ids
        self.assertTrue(
            {"PUR", "STK", "SAL", "ASV", "CMP"} <= set(areas.mapped("code"))
        )
        rules = self.env["dealer.manual.rule"].search([("area_id", "in", areas.ids)])
        self.assertEqual(inspection.line_ids.dealer_rule_id, rules)
        self.assertEqual(len(inspection.line_ids), len(rules))
        line = inspection.line_ids.filtered(
            lambda ln: ln.dealer_rule_id.code == "ADM-24"
        )
        self.assertEqual(line.dealer_evidence_status, "checked")
        self.assertEqual(line.dealer_evidence_count, 1)
        self.assertEqual(line.dealer_result, "non_conforming")
        action = line.with_user(self.auditor).action_dealer_open_evidence()
        self.assertEqual(
            self.env[action["res_model"]].search(action["domain"]), self.company
        )
        planned = inspection.line_ids.filtered(
            lambda ln: ln.dealer_rule_id.state == "planned"
        )
        self.assertEqual(set(planned.mapped("dealer_evidence_status")), {"planned"})
        self.assertEqual(set(planned.mapped("dealer_result")), {"to_check"})
        # Evidence is refreshed while open and counts none once corrected.
        self.company.dealer_manual_revision_date = date.today()
        inspection.with_user(self.auditor).action_dealer_refresh()
        self.assertEqual(line.dealer_evidence_count, 0)
        self.assertEqual(line.dealer_result, "conforming")

    def test_aud_02_evidence_is_the_registry_s(self):
        """AUD-02: the auditor sets the result, never the evidence; a line
        with violations is not conforming."""
        line = self._open().line_ids.filtered(
            lambda ln: ln.dealer_rule_id.code == "ADM-24"
        )
        as_auditor = line.with_user(self.auditor)
        with self.assertRaisesRegex(UserError, "AUD-02"):
            as_auditor.write({"dealer_evidence_count": 0})
        with self.assertRaisesRegex(ValidationError, "AUD-02"):
            as_auditor.write({"dealer_result": "conforming"})
        as_auditor.write({"comments": "Manual last revised in 2024."})

    # ------------------------------------------------------------------ AUD-03
    def test_aud_03_one_special_inspection_per_threshold_and_period(self):
        """AUD-03: a crossed threshold proposes one special inspection per
        period, however often the job runs; the next period proposes again."""
        # SAL-17's count comes from the registry: a check counting one.
        self.env["dealer.manual.rule.mechanism"].create(
            {
                "rule_id": self.env.ref("dealer_base.rule_sal_17").id,
                "module": "dealer_audit",
                "name": "Test price check",
                "check_model": "res.company",
                "check_method": "_dealer_compliance_adm_24",
            }
        )
        self.company.dealer_audit_price_lines = 2
        self.assertFalse(self.Audit._dealer_propose_special(DAY, self.company))
        self.company.dealer_audit_price_lines = 1
        special = self.Audit._dealer_propose_special(DAY, self.company)
        self.assertEqual(len(special), 1)
        self.assertEqual(special.dealer_kind, "special")
        self.assertEqual(special.dealer_trigger, "price")
        self.assertEqual(
            special.line_ids.dealer_rule_id.mapped("code"), ["SAL-17", "SAL-18"]
        )
        self.assertTrue(special.activity_ids, "Administration decides on it")
        self.assertFalse(self.Audit._dealer_propose_special(DAY, self.company))
        self.assertFalse(
            self.Audit._dealer_propose_special(date(2024, 9, 30), self.company)
        )
        self.assertEqual(
            len(self.Audit._dealer_propose_special(date(2024, 10, 2), self.company)), 1
        )

    def test_aud_03_thresholds_are_validated(self):
        """AUD-03: thresholds are settings with sensible bounds."""
        with self.assertRaisesRegex(ValidationError, "AUD-03"):
            self.company.dealer_audit_rejection_percent = 150
        with self.assertRaisesRegex(ValidationError, "AUD-03"):
            self.company.dealer_audit_product_complaints = 0

    # ------------------------------------------------------------------ AUD-04
    def test_aud_04_closing_refused_without_findings(self):
        """AUD-04: an inspection with a non-conforming line closes only once
        the line has its finding."""
        inspection = self._open()
        line = inspection.line_ids.filtered(
            lambda ln: ln.dealer_rule_id.code == "ADM-24"
        )
        with self.assertRaisesRegex(UserError, "ADM-24.*AUD-04"):
            inspection.with_user(self.office_head).button_close()
        self.assertEqual(inspection.state, "open")
        self.assertEqual(inspection.dealer_missing_finding_count, 1)
        self.env["mgmtsystem.nonconformity"].with_user(self.auditor).create(
            self._finding_vals(line)
        )
        inspection.with_user(self.office_head).button_close()
        self.assertEqual(inspection.state, "done")
        self.assertTrue(inspection.closing_date)
        with self.assertRaisesRegex(UserError, "AUD-04"):
            line.with_user(self.auditor).write({"comments": "Changed afterwards"})

    def test_aud_04_finding_has_department_person_deadline_action(self):
        """AUD-04: a finding names its department, responsible person, deadline
        and corrective action in words; its responsible person gets an activity
        due on the deadline, done when the finding is closed."""
        line = self._open().line_ids.filtered(
            lambda ln: ln.dealer_rule_id.code == "ADM-24"
        )
        Finding = self.env["mgmtsystem.nonconformity"].with_user(self.auditor)
        with self.assertRaisesRegex(ValidationError, "Corrective action.*AUD-04"):
            Finding.create(self._finding_vals(line, dealer_corrective_action="  "))
        with self.assertRaisesRegex(ValidationError, "Responsible department"):
            Finding.create(self._finding_vals(line, dealer_department=False))
        finding = Finding.create(self._finding_vals(line))
        self.assertIn(line.audit_id, finding.audit_ids)
        activity = finding.activity_ids
        self.assertEqual(activity.user_id, self.office_head)
        self.assertEqual(activity.date_deadline, date(2026, 11, 30))
        self.assertEqual(
            activity.activity_type_id,
            self.env.ref("dealer_audit.mail_activity_type_finding"),
        )
        finding.dealer_date_deadline = date(2026, 12, 15)
        self.assertEqual(finding.activity_ids.date_deadline, date(2026, 12, 15))
        # The proposed values of the form: department and head from the area.
        action = line.with_user(self.auditor).action_dealer_add_finding()
        self.assertEqual(
            action["context"]["default_dealer_department"], "administration"
        )

    def test_aud_04_department_heads_change_only_their_findings(self):
        """AUD-04: a department head works on the findings they answer for,
        not on another department's; staff without a role do not."""
        line = self._open().line_ids.filtered(
            lambda ln: ln.dealer_rule_id.code == "ADM-24"
        )
        finding = self.env["mgmtsystem.nonconformity"].create(self._finding_vals(line))
        with self.assertRaises(AccessError):
            finding.with_user(self.sales_head).write({"analysis": "Not mine"})
        with self.assertRaises(AccessError):
            finding.with_user(self.sales_staff).read(["name"])
        finding.responsible_user_id = self.sales_head
        finding.with_user(self.sales_head).write({"analysis": "Root cause found"})
        self.assertEqual(finding.analysis, "Root cause found")

    def test_aud_04_overdue_findings_are_counted(self):
        """AUD-04: the registry counts findings past their deadline."""
        line = self._open().line_ids.filtered(
            lambda ln: ln.dealer_rule_id.code == "ADM-24"
        )
        finding = self.env["mgmtsystem.nonconformity"].create(
            self._finding_vals(line, dealer_date_deadline=date(2025, 1, 10))
        )
        mechanism = self.env.ref("dealer_audit.mechanism_aud_04_overdue")
        count, domain = mechanism._dealer_run_checks(
            self.company, date(2025, 1, 1), date(2025, 3, 31)
        )[mechanism.id]
        self.assertEqual(count, 1)
        self.assertEqual(self.env["mgmtsystem.nonconformity"].search(domain), finding)
        self.assertTrue(finding.dealer_overdue)

    def test_aud_05_inspection_report_prints(self):
        """AUD-05: the inspection report (PDF) renders its checklist and
        findings."""
        inspection = self._open()
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            "dealer_audit.report_dealer_inspection", inspection.ids
        )
        self.assertIn(b"ADM-24", html)
        self.assertIn(inspection.reference.encode(), html)

    def test_aud_05_oca_terms_read_in_chinese(self):
        """AUD-05: the OCA management-system addons ship no Chinese; what users
        see of them (stages, field labels) comes in zh_CN from this addon."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"].search(
            [("name", "=", "dealer_audit")]
        )._update_translations(["zh_CN"])
        stage = self.env.ref("mgmtsystem_nonconformity.stage_draft")
        self.assertEqual(stage.with_context(lang="zh_CN").name, "草稿")
        field = self.env["ir.model.fields"]._get("mgmtsystem.audit", "strong_points")
        self.assertEqual(field.with_context(lang="zh_CN").field_description, "优点")
