# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from odoo import fields
from odoo.tests import new_test_user, tagged

from odoo.addons.base.tests.common import BaseCommon

DAY = date(2026, 10, 5)


@tagged("post_install", "-at_install")
class TestFindingKpi(BaseCommon):
    """AUD-04, issue 22: findings count in their responsible person's KPIs:
    corrected by the deadline, out of those due in the quarter."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        # ADM-24's check finds the never-revised manual: a line to attach to.
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
            login="kpi_office_head",
            groups="dealer_base.group_administration_manager",
        )
        cls.auditor = new_test_user(
            cls.env, login="kpi_auditor", groups="dealer_base.group_administration_user"
        )

    def _open(self):
        return self.env["mgmtsystem.audit"]._dealer_open_comprehensive(
            DAY, self.company
        )

    def _finding_vals(self, line, **vals):
        return {
            "name": line.name,
            "description": "Found in the inspection.",
            "partner_id": self.company.partner_id.id,
            "dealer_audit_id": line.audit_id.id,
            "dealer_line_id": line.id,
            "dealer_department": "administration",
            "responsible_user_id": self.office_head.id,
            "manager_user_id": self.office_head.id,
            "dealer_corrective_action": "Revise the manual and record the revision.",
            **vals,
        }

    def _finding(self, line, deadline):
        return self.env["mgmtsystem.nonconformity"].create(
            self._finding_vals(line, dealer_date_deadline=deadline)
        )

    def _close(self, finding, when):
        with freeze_time(when):
            finding.write(
                {
                    "evaluation_comments": "Corrected and checked.",
                    "stage_id": self.env.ref("mgmtsystem_nonconformity.stage_done").id,
                }
            )
            self.env.flush_all()

    def test_aud_04_findings_corrected_on_time_count_for_the_responsible(self):
        self.company.partner_id.tz = "Asia/Shanghai"
        line = self._open().line_ids.filtered(
            lambda ln: ln.dealer_rule_id.code == "ADM-24"
        )
        in_time = self._finding(line, date(2026, 11, 30))
        # Closed at 23:30 in Shenzhen on the deadline: still in time.
        self._close(in_time, "2026-11-30 15:30:00")
        late = self._finding(line, date(2026, 11, 30))
        self._close(late, "2026-12-01 03:00:00")
        self._finding(line, date(2026, 12, 20))  # still open, due this quarter
        self._finding(line, date(2027, 1, 10))  # due next quarter
        kpi = self.env.ref("dealer_audit.kpi_aud_fix")
        with freeze_time("2026-12-28 02:00:00"):
            kpi._dealer_refresh()
        value = self.env["dealer.kpi.value"].search(
            [
                ("kpi_id", "=", kpi.id),
                ("user_id", "=", self.office_head.id),
                ("period", "=", "2026-Q4"),
            ]
        )
        self.assertEqual((value.numerator, value.denominator), (1.0, 3.0))
        # Positive control: nobody else answers for these findings.
        self.assertFalse(
            self.env["dealer.kpi.value"].search(
                [("kpi_id", "=", kpi.id), ("user_id", "=", self.auditor.id)]
            )
        )
