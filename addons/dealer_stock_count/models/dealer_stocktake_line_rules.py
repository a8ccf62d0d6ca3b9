# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import math

from markupsafe import Markup

from odoo import api, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import float_compare

from odoo.addons.dealer_base.tools import has_words

from .dealer_stocktake_line import (
    CLASSIFICATION_FIELDS,
    COUNTER_FIELDS,
    FOUND_FIELDS,
)


class DealerStocktakeLine(models.Model):
    """What a line accepts: counts, found items, classification (STK-13, STK-14)."""

    # One concern per file (issue 18: files under ~400 lines).
    _inherit = "dealer.stocktake.line"  # pylint: disable=consider-merging-classes-inherited

    # ------------------------------------------------------------------
    # Bad input
    # ------------------------------------------------------------------
    @api.constrains("draft_qty", "lot_id")
    def _check_draft_qty(self):
        for line in self:
            line._check_counted_value(line.draft_qty)
            if (
                line.tracking == "serial"
                and line.lot_id
                and float_compare(line.draft_qty, 1, precision_digits=6) > 0
            ):
                raise ValidationError(
                    self.env._(
                        "Counted quantity of serial number %s can only be 0 or 1.",
                        line.lot_id.name,
                    )
                )

    def _check_counted_value(self, quantity):
        """A count is a number of items: not negative, not NaN (STK-13)."""
        if isinstance(quantity, bool) or not isinstance(quantity, int | float):
            return  # the field's own conversion reports it
        if not math.isfinite(quantity) or quantity < 0:
            raise ValidationError(
                self.env._(
                    "Counted quantity of %(line)s cannot be %(value)s: enter the "
                    "number of items found, 0 when there are none; it is never "
                    "negative (STK-13).",
                    value=quantity,
                    line=", ".join(self[:3].mapped("display_name")) or "-",
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        """Counters add what they find on the shelf without a book quantity:
        a found line (STK-13). The snapshot writes the other lines in SQL."""
        if self._dealer_is_trusted():
            return super().create(vals_list)
        # A found line takes its sheet, product, lot and count from the
        # counter; everything else comes from the sheet (STK-13).
        self._dealer_check_governed_create(
            [
                {k: v for k, v in vals.items() if k not in FOUND_FIELDS}
                for vals in vals_list
            ]
        )
        Sheet = self.env["dealer.stocktake.sheet"]
        for vals in vals_list:
            sheet = Sheet.browse(vals.get("sheet_id"))
            if not sheet:
                raise UserError(
                    self.env._("A stocktake line belongs to a count sheet.")
                )
            sheet._check_may_count()
            if sheet.state != "todo" or sheet.round != "count":
                raise UserError(
                    self.env._(
                        "Found items are added to an open first-count sheet; "
                        "%s is not one.",
                        sheet.display_name,
                    )
                )
            sheet.stocktake_id._check_state("counting")
            if "draft_qty" in vals:
                self._check_counted_value(vals["draft_qty"])
            product = self.env["product.product"].browse(vals.get("product_id"))
            if product.tracking != "none" and not vals.get("lot_id"):
                raise ValidationError(
                    self.env._(
                        "%s is tracked: enter the lot or serial number you found.",
                        product.display_name,
                    )
                )
            vals.update(
                {
                    "stocktake_id": sheet.stocktake_id.id,
                    "company_id": sheet.company_id.id,
                    "location_id": sheet.location_id.id,
                    "uom_id": product.uom_id.id,
                    "held_apart": sheet.location_id.dealer_zone_type
                    in ("pending_inspection", "non_conforming"),
                    "is_found": True,
                    "quant_id": False,
                    "draft_qty_set": "draft_qty" in vals,
                }
            )
            if product.tracking == "serial" and vals.get("lot_id"):
                self._check_found_serial_elsewhere(sheet, vals["lot_id"])
            duplicate = self.sudo().search(
                [
                    ("stocktake_id", "=", vals["stocktake_id"]),
                    ("product_id", "=", product.id),
                    ("location_id", "=", vals["location_id"]),
                    ("lot_id", "=", vals.get("lot_id") or False),
                ],
                limit=1,
            )
            if duplicate:
                raise ValidationError(
                    self.env._(
                        "%s is already on this stocktake; enter its quantity on "
                        "that line instead of adding another.",
                        duplicate.display_name,
                    )
                )
        model = self._dealer_without_caller_defaults()._dealer_as_action()
        # Back in the caller's environment: the token stays with this create.
        return super(DealerStocktakeLine, model).create(vals_list).with_env(self.env)

    @api.model
    def _check_found_serial_elsewhere(self, sheet, lot_id):
        """A serial is in one place. Found here but booked in a location this
        stocktake does not count, applying would book it twice: the counter is
        told where the books have it."""
        counted = sheet.stocktake_id.sheet_ids.location_id
        elsewhere = (
            self.env["stock.quant"]
            .sudo()
            .search(
                [
                    ("lot_id", "=", lot_id),
                    ("quantity", ">", 0),
                    ("location_id.usage", "=", "internal"),
                    ("location_id", "not in", counted.ids),
                ],
                limit=1,
            )
        )
        if elsewhere:
            raise ValidationError(
                self.env._(
                    "Serial number %(serial)s is booked in %(location)s, which this "
                    "stocktake does not count. Have it moved here with a transfer, "
                    "or count it in a stocktake of that location.",
                    serial=elsewhere.lot_id.name,
                    location=elsewhere.location_id.display_name,
                )
            )

    def write(self, vals):
        if self._dealer_is_trusted():
            return super().write(vals)
        # Governed fields first, with the guard's message naming them.
        self._dealer_check_governed_write(vals)
        # Import (load) passes the record's id along; write() drops it.
        fnames = set(vals) - {"id"}
        if fnames - COUNTER_FIELDS - CLASSIFICATION_FIELDS:
            raise AccessError(
                self.env._(
                    "Stocktake lines only take a counted quantity and, for "
                    "Warehouse Managers, the cause of a difference."
                )
            )
        if "draft_qty" in vals:
            self._check_counted_value(vals["draft_qty"])
            self._check_countable()
            # Entering a quantity marks the line entered: nothing else does.
            vals = dict(vals, draft_qty_set=True)
        if fnames & CLASSIFICATION_FIELDS:
            if not self.env.user.has_group("dealer_base.group_warehouse_manager"):
                raise AccessError(
                    self.env._(
                        "Only a Warehouse Manager explains stocktake differences."
                    )
                )
            self._check_classifiable()
        # The checks above are the counting and classification rules.
        result = super(DealerStocktakeLine, self._dealer_as_action()).write(vals)
        if fnames & CLASSIFICATION_FIELDS:
            self._update_classified_state()
            self._log_classification()
        return result

    def _log_classification(self):
        """Lines have no chatter of their own (a stocktake may hold 50,000):
        who explained which difference, and how, goes to the stocktake's."""
        by_stocktake = {}
        for line in self.sudo():
            by_stocktake.setdefault(line.stocktake_id, line.browse())
            by_stocktake[line.stocktake_id] |= line
        for stocktake, lines in by_stocktake.items():
            items = Markup("").join(
                Markup("<li>%s: %s%s</li>")
                % (
                    line.display_name,
                    line.reason_id.name or "-",
                    f" ({line.responsible_user_id.name})"
                    if line.responsible_user_id
                    else "",
                )
                for line in lines[:20]
            )
            more = len(lines) - 20
            stocktake.with_env(self.env).message_post(
                body=Markup("%s<ul>%s</ul>%s")
                % (
                    self.env._("Cause of the difference recorded:"),
                    items,
                    self.env._("and %s more lines", more) if more > 0 else "",
                )
            )

    def _check_countable(self):
        for line in self:
            sheet = line.recount_sheet_id or line.sheet_id
            sheet._check_may_count()
            if sheet.state != "todo" or line.stocktake_id.state != "counting":
                raise UserError(
                    self.env._(
                        "%s has been submitted: counts are kept as entered; a "
                        "difference is settled by a recount (STK-14).",
                        line.display_name,
                    )
                )

    def _check_classifiable(self):
        for line in self:
            stocktake = line.stocktake_id
            if stocktake.state not in ("counting", "counted"):
                raise UserError(
                    self.env._("Stocktake %s can no longer be changed.", stocktake.name)
                )
            if stocktake.approval_requested_by_id or stocktake.validation_status in (
                "waiting",
                "pending",
                "validated",
            ):
                raise UserError(
                    self.env._(
                        "Stocktake %s is under approval: its classification is "
                        "locked.",
                        stocktake.name,
                    )
                )
            if line.count_state == "to_count":
                raise UserError(
                    self.env._("%s has not been counted yet.", line.display_name)
                )
            if line.count_state == "recount":
                raise ValidationError(
                    self.env._(
                        "%s differs beyond the tolerance: it is classified after "
                        "its recount by another counter (STK-14).",
                        line.display_name,
                    )
                )

    def _update_classified_state(self):
        """STK-14, STK-15: a difference is classified once it has its cause,
        and for human error the person responsible and a note with words."""
        lines = self.filtered(
            lambda line: line.count_state in ("to_classify", "classified")
        )
        complete = lines.filtered(
            lambda line: line.reason_id
            and (
                not line.reason_id.requires_responsible
                or (line.responsible_user_id and has_words(line.accountability_note))
            )
        )
        complete._dealer_as_action().write({"count_state": "classified"})
        (lines - complete)._dealer_as_action().write({"count_state": "to_classify"})
