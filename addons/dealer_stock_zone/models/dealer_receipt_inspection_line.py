# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, float_compare

CHECK_RESULTS = [("pass", "Pass"), ("fail", "Fail")]


class DealerReceiptInspectionLine(models.Model):
    """One product (and lot or serial) of a receipt, as the inspectors found it."""

    _name = "dealer.receipt.inspection.line"
    _description = "Receipt Acceptance Line"
    _inherit = ["dealer.governed.mixin"]
    _order = "inspection_id, id"
    _check_company_auto = True

    # STK-10: what was received comes from the receipt; the inspectors record
    # what they found (counted, checks, accepted, rejected) while it is open.
    _dealer_governed = {
        "inspection_id": "STK-10",
        "product_id": "STK-10",
        "lot_id": "STK-10",
        "qty_expected": "STK-10",
        "company_id": "STK-10",
        "state": "STK-10",
        "partner_id": "STK-10",
        "date_validated": "STK-10",
        "categ_id": "STK-10",
        "is_discrepancy": "PUR-07",
        "rejection_rate": "PUR-10",
    }
    _dealer_keep_rule = "STK-10"

    inspection_id = fields.Many2one(
        "dealer.receipt.inspection", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="inspection_id.company_id", store=True)
    state = fields.Selection(related="inspection_id.state", store=True)
    partner_id = fields.Many2one(
        related="inspection_id.partner_id", string="Supplier", store=True
    )
    date_validated = fields.Datetime(related="inspection_id.date_validated", store=True)
    product_id = fields.Many2one(
        "product.product", required=True, readonly=True, check_company=True
    )
    categ_id = fields.Many2one(related="product_id.categ_id", store=True)
    uom_id = fields.Many2one(related="product_id.uom_id")
    uom_rounding = fields.Float(related="product_id.uom_id.rounding")
    tracking = fields.Selection(related="product_id.tracking")
    lot_id = fields.Many2one(
        "stock.lot",
        string="Lot/Serial",
        readonly=True,
        check_company=True,
        ondelete="restrict",
    )
    qty_expected = fields.Float(
        string="Expected", readonly=True, digits="Product Unit of Measure"
    )
    qty_counted = fields.Float(
        string="Counted",
        digits="Product Unit of Measure",
        compute="_compute_qty_counted",
        store=True,
        readonly=False,
    )
    spec_check = fields.Selection(CHECK_RESULTS, string="Model/specification")
    appearance_check = fields.Selection(CHECK_RESULTS, string="Appearance")
    performance_required = fields.Boolean(
        related="product_id.dealer_performance_test", string="Performance test required"
    )
    performance_check = fields.Selection(CHECK_RESULTS, string="Performance")
    # STK-07: which checks the company's settings require, for the form's
    # required markers.
    spec_required = fields.Boolean(
        related="inspection_id.company_id.dealer_check_spec_required"
    )
    appearance_required = fields.Boolean(
        related="inspection_id.company_id.dealer_check_appearance_required"
    )
    # STK-07: the inspector enters what they accept; nothing is accepted by
    # default (a prefilled quantity would be accepted without being looked at).
    qty_accepted = fields.Float(string="Accepted", digits="Product Unit of Measure")
    qty_rejected = fields.Float(string="Rejected", digits="Product Unit of Measure")
    reason_id = fields.Many2one(
        "dealer.rejection.reason", string="Rejection reason", ondelete="restrict"
    )
    note = fields.Char()
    is_discrepancy = fields.Boolean(compute="_compute_is_discrepancy", store=True)
    rejection_rate = fields.Float(
        string="Rejection rate (%)",
        compute="_compute_rejection_rate",
        store=True,
        aggregator="avg",
        digits=(16, 2),
        help="Rejected over counted. In reports, a group's rate is its rejected "
        "quantity over its counted quantity.",
    )

    def write(self, vals):
        # STK-10: the findings are recorded while the acceptance is open; once
        # validated they are kept as found.
        if any(line.inspection_id.state != "draft" for line in self):
            raise UserError(
                self.env._(
                    "A validated or cancelled acceptance cannot be changed (STK-10)."
                )
            )
        return super().write(vals)

    @api.depends("qty_expected")
    def _compute_qty_counted(self):
        for line in self:
            line.qty_counted = line.qty_expected

    @api.depends("qty_counted", "qty_expected")
    def _compute_is_discrepancy(self):
        for line in self:
            line.is_discrepancy = (
                float_compare(
                    line.qty_counted,
                    line.qty_expected,
                    precision_rounding=line.uom_rounding or 0.01,
                )
                != 0
            )

    @api.depends("qty_counted", "qty_rejected")
    def _compute_rejection_rate(self):
        for line in self:
            line.rejection_rate = (
                100.0 * line.qty_rejected / line.qty_counted
                if line.qty_counted
                else 0.0
            )

    def _read_group_select(self, aggregate_spec, query):
        # PUR-10: a supplier's rate weighs every unit, not every line.
        if aggregate_spec == "rejection_rate:avg":
            return SQL(
                "100.0 * %s / NULLIF(%s, 0)",
                self._read_group_select("qty_rejected:sum", query),
                self._read_group_select("qty_counted:sum", query),
            )
        return super()._read_group_select(aggregate_spec, query)

    @api.constrains("qty_expected", "qty_counted", "qty_accepted", "qty_rejected")
    def _check_quantities(self):
        for line in self:
            for fname in (
                "qty_expected",
                "qty_counted",
                "qty_accepted",
                "qty_rejected",
            ):
                if line[fname] < 0:
                    raise ValidationError(
                        self.env._(
                            "%(product)s: %(field)s cannot be negative (STK-07).",
                            product=line.product_id.display_name,
                            field=self._fields[fname]._description_string(self.env),
                        )
                    )

    def _dealer_problems(self):
        """Everything the manual still asks of these lines before the result is
        booked (STK-07 to STK-10): one sentence per line naming the product and
        serial and all that line still needs."""
        errors = []
        company = self.inspection_id.company_id[:1]
        for line in self:
            items = []
            if (
                float_compare(
                    line.qty_accepted + line.qty_rejected,
                    line.qty_counted,
                    precision_rounding=line.uom_rounding or 0.01,
                )
                != 0
            ):
                items.append(
                    self.env._(
                        "enter the Accepted quantity (Accepted plus Rejected must "
                        "equal Counted, STK-07)"
                    )
                )
            if company.dealer_check_spec_required and not line.spec_check:
                items.append(
                    self.env._("record the Model/specification check (STK-07)")
                )
            if company.dealer_check_appearance_required and not line.appearance_check:
                items.append(self.env._("record the Appearance check (STK-07)"))
            if line.performance_required and not line.performance_check:
                items.append(self.env._("record the Performance test (STK-08)"))
            failed = "fail" in (
                line.spec_check,
                line.appearance_check,
                line.performance_check,
            )
            if failed and not line.qty_rejected:
                items.append(
                    self.env._("it failed a check: reject the failing units (STK-09)")
                )
            if line.qty_rejected and not line.reason_id:
                items.append(self.env._("give the Rejection reason (STK-09)"))
            if line.tracking == "serial" and (not line.lot_id or line.qty_counted > 1):
                items.append(
                    self.env._(
                        "it is tracked by serial number: one line per serial, each "
                        "with its serial (STK-10)"
                    )
                )
            if items:
                label = line.product_id.display_name or ""
                if line.lot_id:
                    label = f"{label} ({line.lot_id.name})"
                errors.append(
                    self.env._(
                        "%(product)s: %(items)s.",
                        product=label,
                        items="; ".join(items),
                    )
                )
        serials = self.filtered(lambda line: line.tracking == "serial").mapped(
            lambda line: (line.product_id, line.lot_id)
        )
        if len(serials) != len(set(serials)):
            errors.append(self.env._("A serial number appears twice (STK-10)."))
        return errors

    def _prepare_move_vals(self, location, location_dest, quantity):
        self.ensure_one()
        inspection = self.inspection_id
        return {
            "name": inspection.name,
            "origin": inspection.origin or inspection.picking_id.name,
            "reference": inspection.name,
            "product_id": self.product_id.id,
            "product_uom": self.product_id.uom_id.id,
            "product_uom_qty": quantity,
            "location_id": location.id,
            "location_dest_id": location_dest.id,
            "company_id": inspection.company_id.id,
            "partner_id": inspection.partner_id.id,
            "dealer_inspection_id": inspection.id,
        }
