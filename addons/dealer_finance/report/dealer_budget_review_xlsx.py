# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class DealerBudgetReviewXlsx(models.AbstractModel):
    """The budget review as a spreadsheet (FIN-04): one sheet per review,
    a line per account with budget, actual, variance and comment."""

    _name = "report.dealer_finance.budget_review_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Budget Review XLSX"

    def generate_xlsx_report(self, workbook, data, reviews):
        bold = workbook.add_format({"bold": True})
        money = workbook.add_format({"num_format": "#,##0.00"})
        flagged = workbook.add_format({"num_format": "#,##0.00", "bg_color": "#FCE4D6"})
        kinds = dict(
            self.env["dealer.budget.review.line"]
            ._fields["kind"]
            ._description_selection(self.env)
        )
        headers = [
            self.env._("Kind"),
            self.env._("Account"),
            self.env._("Budget"),
            self.env._("Actual"),
            self.env._("Variance"),
            self.env._("Variance (%)"),
            self.env._("Comment"),
        ]
        for index, review in enumerate(reviews):
            sheet = workbook.add_worksheet(f"{index + 1} {review.period_key}"[:31])
            sheet.write(0, 0, review.name, bold)
            sheet.write(1, 0, self.env._("Budget"))
            sheet.write(1, 1, review.budget_id.display_name)
            for col, title in enumerate(headers):
                sheet.write(3, col, title, bold)
            row = 4
            for line in review.line_ids:
                style = flagged if line.needs_comment else money
                sheet.write(row, 0, kinds.get(line.kind, line.kind))
                sheet.write(row, 1, line.account_id.display_name)
                sheet.write_number(row, 2, line.budget_amount, money)
                sheet.write_number(row, 3, line.actual_amount, money)
                sheet.write_number(row, 4, line.variance, style)
                sheet.write_number(row, 5, round(line.variance_percent, 2))
                sheet.write(row, 6, line.comment or "")
                row += 1
            sheet.set_column(1, 1, 30)
            sheet.set_column(6, 6, 50)
