# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import math

from psycopg2 import IntegrityError

from odoo import api, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, float_compare, float_round


class DealerCountScanTarget(models.AbstractModel):
    """What a document counted on the phone screen shares (a count sheet,
    STK-13; a receipt acceptance, PUR-07/STK-07): each scan saved at once
    under the client's scan ID, so a scan re-sent after a lost connection
    counts once; one scan at a time per document. The document says which
    scan model keeps its scans (``_dealer_scan_model``, linked back by
    ``_dealer_scan_link``), what a code names (``_dealer_scan_resolve``) and
    the line field the screen shows as counted (``_dealer_scan_counted``)."""

    _name = "dealer.count.scan.target"
    _description = "Document counted by scanning"

    _dealer_scan_model = None
    _dealer_scan_link = None
    _dealer_scan_counted = None

    def _dealer_scan_quantity_error(self, quantity):
        raise NotImplementedError

    # ------------------------------------------------------------------ codes
    def _dealer_scan_lots(self, barcode):
        """The lots and serials of the document's company a code names."""
        return self.env["stock.lot"].search(
            [("name", "=", barcode), ("company_id", "in", [self.company_id.id, False])]
        )

    def _dealer_scan_product(self, barcode):
        """The product of the document's company whose barcode or reference
        the code is."""
        return self.env["product.product"].search(
            [
                "|",
                ("barcode", "=", barcode),
                ("default_code", "=", barcode),
                ("company_id", "in", [self.company_id.id, False]),
            ],
            limit=1,
        )

    def _dealer_scan_tracked(self, product):
        """A tracked product is counted by its lots or serials, not its code."""
        return self.env._(
            "%s is tracked: scan its lot or serial number.", product.display_name
        )

    @api.model
    def _dealer_scan_ask_quantity(self, product):
        """The screen asks how many units of a product the code names."""
        return {
            "ask_quantity": True,
            "product": product.display_name,
            "uom": product.uom_id.name,
        }

    @api.model
    def _dealer_scan_check_step(self, product, quantity):
        """Refuse a quantity that is not a step of the product's unit."""
        rounding = product.uom_id.rounding
        if float_compare(
            quantity,
            float_round(quantity, precision_rounding=rounding),
            precision_rounding=rounding / 10,
        ):
            raise ValidationError(
                self.env._(
                    "Quantity: %(qty)s %(uom)s cannot be counted; %(product)s "
                    "is counted in steps of %(step)s.",
                    qty=quantity,
                    uom=product.uom_id.name,
                    product=product.display_name,
                    step=rounding,
                )
            )

    def _dealer_scan_answer(self, scan, resent=False):
        """What the screen shows of a scan: its outcome, the unit, what its
        line counts so far and the document scanned."""
        line = scan.line_id
        return {
            "result": scan.result,
            "message": scan.message or "",
            "resent": resent,
            "product": scan.product_id.display_name or "",
            "lot": scan.lot_id.name or "",
            "counted": line[self._dealer_scan_counted] if line else 0.0,
            "sheet": scan[self._dealer_scan_link]._dealer_scan_info(),
        }

    # ------------------------------------------------------------------ scan
    def _dealer_scan_ask(self, vals):
        """The screen's answer when the code needs a quantity."""
        return dict(vals, sheet=self._dealer_scan_info())

    def dealer_scan(self, barcode, scan_uuid, quantity=None):
        """Record one scan on this document and return what the screen shows.
        Idempotent per ``scan_uuid``: a re-sent scan returns the first answer
        and counts nothing more."""
        self.ensure_one()
        barcode = (barcode or "").strip()
        if not barcode or not scan_uuid:
            raise UserError(self.env._("A scan needs a code and a scan ID."))
        Scan = self.env[self._dealer_scan_model].sudo()
        previous = Scan.search([("uuid", "=", scan_uuid)], limit=1)
        if previous:
            return self._dealer_scan_resent(previous)
        self._dealer_check_scannable()
        if quantity is not None:
            if isinstance(quantity, bool) or not isinstance(quantity, int | float):
                raise ValidationError(self.env._("Quantity: enter a number."))
            if not math.isfinite(quantity) or quantity <= 0:
                self._dealer_scan_quantity_error(quantity)
        # One scan at a time per document: two phones on it add up.
        self.env.cr.execute(
            SQL(
                "SELECT id FROM %s WHERE id = %s FOR UPDATE",
                SQL.identifier(self._table),
                self.id,
            )
        )
        vals = self._dealer_scan_resolve(barcode, quantity)
        if vals.get("ask_quantity"):
            return self._dealer_scan_ask(vals)
        vals.update(
            {
                "uuid": scan_uuid,
                self._dealer_scan_link: self.id,
                "barcode": barcode,
                "counter_id": self.env.uid,
            }
        )
        try:
            with self.env.cr.savepoint():
                scan = Scan.create(vals)
        except IntegrityError:
            # The same scan, sent twice at the same moment: the first wins.
            scan = Scan.search([("uuid", "=", scan_uuid)], limit=1)
            return self._dealer_scan_resent(scan)
        return self._dealer_scan_answer(scan)

    def _dealer_scan_resent(self, scan):
        """The first answer to a re-sent scan, on the document it was made on:
        a scan ID is the client's, and another document's scan (read as
        superuser) is not this counter's to see."""
        if scan[self._dealer_scan_link] != self:
            raise UserError(
                self.env._(
                    "This scan ID was already used on another document: the "
                    "count screen sends a new one with each scan (STK-13)."
                )
            )
        return self._dealer_scan_answer(scan, resent=True)
