# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 21: the XLSX export of an appraisal cycle (OCA report_xlsx): one row
per appraisal with its KPI results, evaluations, grade and outcome. It reads
in the user's rights: a manager exports the appraisals they may read."""

from odoo import models


class AppraisalCycleXlsx(models.AbstractModel):
    _name = "report.dealer_kpi.appraisal_cycle_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Appraisal Cycle XLSX"

    def generate_xlsx_report(self, workbook, data, appraisals):
        _ = self.env._
        appraisals = appraisals.sorted(
            lambda a: (a.dealer_period or "", a.employee_id.name or "")
        )
        kpis = appraisals.dealer_line_ids.kpi_id.sorted("code")
        sheet = workbook.add_worksheet(_("Appraisals"))
        bold = workbook.add_format({"bold": True})
        grades = dict(
            appraisals._fields["dealer_grade"]._description_selection(self.env)
        )
        outcomes = dict(
            appraisals._fields["dealer_outcome"]._description_selection(self.env)
        )
        states = dict(appraisals._fields["state"]._description_selection(self.env))
        header = [
            _("Employee"),
            _("Department"),
            _("Period"),
            _("Status"),
            *(kpi.name for kpi in kpis),
            _("KPI score"),
            _("Self evaluation"),
            _("Superior evaluation"),
            _("Peer evaluation"),
            _("Customer evaluation"),
            _("Evaluation score"),
            _("Score"),
            _("Grade"),
            _("Outcome"),
        ]
        sheet.write_row(0, 0, header, bold)
        sheet.freeze_panes(1, 1)
        for row, appraisal in enumerate(appraisals, start=1):
            values = {line.kpi_id: line.value for line in appraisal.dealer_line_ids}
            sheet.write_row(
                row,
                0,
                [
                    appraisal.employee_id.name,
                    appraisal.department_id.name or "",
                    appraisal.dealer_period or "",
                    states.get(appraisal.state, ""),
                    *(values.get(kpi, "") for kpi in kpis),
                    appraisal.dealer_score,
                    appraisal.dealer_eval_self,
                    appraisal.dealer_eval_superior,
                    appraisal.dealer_eval_peer,
                    appraisal.dealer_eval_customer,
                    appraisal.dealer_eval_score,
                    appraisal.dealer_total_score,
                    grades.get(appraisal.dealer_grade, ""),
                    outcomes.get(appraisal.dealer_outcome, ""),
                ],
            )
        sheet.set_column(0, 1, 20)
