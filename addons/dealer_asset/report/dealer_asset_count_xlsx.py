# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class DealerAssetCountXlsx(models.AbstractModel):
    """The count sheet as a spreadsheet (FIN-12): one sheet per count, a line
    per asset with its result, cause and the person responsible."""

    _name = "report.dealer_asset.count_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Asset Count XLSX"

    def generate_xlsx_report(self, workbook, data, counts):
        bold = workbook.add_format({"bold": True})
        shortage = workbook.add_format({"bg_color": "#FCE4D6"})
        Line = self.env["dealer.asset.count.line"]
        results = dict(Line._fields["result"]._description_selection(self.env))
        headers = [
            self.env._("Asset"),
            self.env._("Custodian"),
            self.env._("Location"),
            self.env._("Result"),
            self.env._("Cause"),
            self.env._("Responsible"),
            self.env._("Note"),
        ]
        for index, count in enumerate(counts):
            sheet = workbook.add_worksheet(f"{index + 1} {count.period_key}"[:31])
            sheet.write(0, 0, count.name, bold)
            sheet.write(1, 0, count.department_id.name or count.location or "")
            for col, title in enumerate(headers):
                sheet.write(3, col, title, bold)
            for row, line in enumerate(count.line_ids, start=4):
                style = shortage if line.result == "not_found" else None
                sheet.write(
                    row, 0, line.asset_id.display_name or line.description or "", style
                )
                sheet.write(row, 1, line.custodian_id.name or "")
                sheet.write(row, 2, line.location or "")
                sheet.write(row, 3, results.get(line.result, ""), style)
                sheet.write(row, 4, line.cause or "")
                sheet.write(row, 5, line.responsible_id.name or "")
                sheet.write(row, 6, line.note or "")
            sheet.set_column(0, 0, 30)
            sheet.set_column(4, 4, 40)
