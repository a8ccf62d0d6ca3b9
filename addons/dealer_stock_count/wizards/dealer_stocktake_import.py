# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import io
import math

from odoo import fields, models
from odoo.exceptions import UserError

try:
    import openpyxl
except ImportError:  # pragma: no cover - declared in external_dependencies
    openpyxl = None

LINE_ID_COLUMN = 0
COUNTED_COLUMN = 6


class DealerStocktakeImport(models.TransientModel):
    """Read counted quantities back from the sheet's XLSX export. They are
    entered, not submitted: the counter still checks and submits."""

    _name = "dealer.stocktake.import"
    _description = "Import Counted Quantities"

    sheet_id = fields.Many2one("dealer.stocktake.sheet", required=True)
    file = fields.Binary(string="XLSX file", required=True)
    filename = fields.Char()

    def action_import(self):
        self.ensure_one()
        sheet = self.sheet_id
        sheet._check_may_count()
        lines = sheet._counted_lines()
        by_id = {line.id: line for line in lines}
        try:
            workbook = openpyxl.load_workbook(
                io.BytesIO(base64.b64decode(self.file)), read_only=True, data_only=True
            )
        except Exception as error:
            raise UserError(
                self.env._("This file cannot be read as an XLSX workbook: %s", error)
            ) from error
        errors = []
        quantities = {}
        for worksheet in workbook.worksheets:
            for index, row in enumerate(worksheet.iter_rows(values_only=True), start=1):
                if index == 1 or not row or row[LINE_ID_COLUMN] in (None, ""):
                    continue
                counted = row[COUNTED_COLUMN] if len(row) > COUNTED_COLUMN else None
                if counted in (None, ""):
                    continue
                try:
                    line_id = int(row[LINE_ID_COLUMN])
                    quantity = float(counted)
                    if not math.isfinite(quantity):
                        raise ValueError(counted)
                except (TypeError, ValueError, OverflowError):
                    errors.append(
                        self.env._("Row %(row)s: Counted must be a number.", row=index)
                    )
                    continue
                if line_id not in by_id:
                    errors.append(
                        self.env._(
                            "Row %(row)s: line %(line)s is not on this count sheet.",
                            row=index,
                            line=line_id,
                        )
                    )
                elif quantity < 0:
                    errors.append(
                        self.env._(
                            "Row %(row)s: Counted cannot be negative (STK-13).",
                            row=index,
                        )
                    )
                else:
                    quantities[line_id] = quantity
        if errors:
            raise UserError("\n".join(errors[:20]))
        if not quantities:
            raise UserError(self.env._("The file holds no counted quantity."))
        for line_id, quantity in quantities.items():
            by_id[line_id].draft_qty = quantity
        sheet.message_post(
            body=self.env._(
                "%(count)s counted quantities imported from %(file)s.",
                count=len(quantities),
                file=self.filename or "XLSX",
            )
        )
        return {"type": "ir.actions.act_window_close"}
