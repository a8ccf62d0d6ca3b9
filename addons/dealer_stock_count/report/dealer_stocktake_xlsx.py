# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import AccessError

from ..models.dealer_stocktake_line import REVIEWERS


def check_reviewer(env):
    """Variance figures are for reviewers, whatever route asks for them."""
    if not env.user.has_groups(REVIEWERS):
        raise AccessError(
            env._("Only Warehouse and Administration Managers see stocktake variances.")
        )


class StocktakeVarianceReport(models.AbstractModel):
    _name = "report.dealer_stock_count.report_stocktake_variance"
    _description = "Stocktake Variance Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        check_reviewer(self.env)
        return {
            "doc_ids": docids,
            "doc_model": "dealer.stocktake",
            "docs": self.env["dealer.stocktake"].browse(docids),
        }


class StocktakeVarianceXlsx(models.AbstractModel):
    _name = "report.dealer_stock_count.stocktake_variance_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Stocktake Variance Report (XLSX)"

    def generate_xlsx_report(self, workbook, data, stocktakes):
        check_reviewer(self.env)
        _ = self.env._
        bold = workbook.add_format({"bold": True})
        number = workbook.add_format({"num_format": "#,##0.00"})
        headers = [
            _("Stocktake"),
            _("Location"),
            _("Inspection zone"),
            _("Product"),
            _("Lot/Serial Number"),
            _("Book quantity"),
            _("Moved since snapshot"),
            _("Counted quantity"),
            _("Difference"),
            _("Difference value"),
            _("Reason"),
            _("Responsible person"),
            _("Accountability note"),
        ]
        sheet = workbook.add_worksheet(_("Variances"))
        sheet.write_row(0, 0, headers, bold)
        row = 1
        for stocktake in stocktakes:
            for line in stocktake._variance_report_lines():
                sheet.write_row(
                    row,
                    0,
                    [
                        stocktake.name,
                        line.location_id.display_name,
                        _("Yes") if line.held_apart else "",
                        line.product_id.display_name,
                        line.lot_id.name or "",
                    ],
                )
                for col, value in enumerate(
                    [
                        line.book_qty,
                        line.moved_qty,
                        line.counted_qty,
                        line.variance_qty,
                        line.variance_value,
                    ],
                    start=5,
                ):
                    sheet.write_number(row, col, value, number)
                sheet.write_row(
                    row,
                    10,
                    [
                        line.reason_id.name or "",
                        line.responsible_user_id.name or "",
                        line.accountability_note or "",
                    ],
                )
                row += 1
        sheet.set_column(0, 1, 22)
        sheet.set_column(3, 3, 36)
        sheet.set_column(4, 12, 14)


class StocktakeSheetXlsx(models.AbstractModel):
    """The count sheet as a workbook: counters fill the Counted column and
    import it back. Column A (line ID) ties each row to its line."""

    _name = "report.dealer_stock_count.stocktake_sheet_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Stocktake Count Sheet (XLSX)"

    def generate_xlsx_report(self, workbook, data, sheets):
        _ = self.env._
        bold = workbook.add_format({"bold": True})
        headers = [
            _("Line ID"),
            _("Location"),
            _("Product"),
            _("Internal Reference"),
            _("Lot/Serial Number"),
            _("Unit"),
            _("Counted"),
        ]
        for sheet in sheets:
            title = (sheet.location_id.name or "sheet")[:25]
            worksheet = workbook.add_worksheet(f"{title} {sheet.id}")
            worksheet.write_row(0, 0, headers, bold)
            for row, line in enumerate(sheet._counted_lines(), start=1):
                worksheet.write_row(
                    row,
                    0,
                    [
                        line.id,
                        line.location_id.display_name,
                        line.product_id.name,
                        line.product_id.default_code or "",
                        line.lot_id.name or "",
                        line.uom_id.name,
                    ],
                )
                if line.draft_qty_set:
                    worksheet.write_number(row, 6, line.draft_qty)
            worksheet.set_column(1, 2, 30)
            worksheet.set_column(3, 6, 16)
