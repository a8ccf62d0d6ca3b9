# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.exceptions import AccessError, UserError


class StockMoveLine(models.Model):
    _inherit = "stock.move.line"

    def _action_done(self):
        self._dealer_check_zone_rules()
        return super()._action_done()

    def _dealer_inspected_elsewhere(self):
        """Whether another inspection than the receipt acceptance released this
        line from the pending-inspection area (e.g. a customer's returned unit)."""
        return False

    def _dealer_check_zone_rules(self):
        """The warehouse rules of the manual, checked on every move that is done."""
        validating = self.env.context.get("dealer_inspection_validation")
        is_manager = self.env.su or self.env.user.has_group(
            "dealer_base.group_warehouse_manager"
        )
        for line in self.filtered("quantity"):
            source, dest = line.location_id, line.location_dest_id
            product = line.product_id.display_name
            if (
                source.dealer_zone_type == "pending_inspection"
                and not validating
                and not line._dealer_inspected_elsewhere()
            ):
                raise UserError(
                    self.env._(
                        "%(product)s is still in %(location)s: goods leave the "
                        "pending-inspection area only through a validated receipt "
                        "acceptance (STK-09).",
                        product=product,
                        location=source.display_name,
                    )
                )
            if source.dealer_zone_type == "non_conforming":
                if dest.usage != "supplier" and not dest.scrap_location:
                    raise UserError(
                        self.env._(
                            "%(product)s is non-conforming: it leaves %(location)s "
                            "only by a return to the vendor or a scrap (STK-09).",
                            product=product,
                            location=source.display_name,
                        )
                    )
                if not is_manager:
                    raise AccessError(
                        self.env._(
                            "Returning or scrapping non-conforming goods needs a "
                            "Warehouse Manager (STK-09)."
                        )
                    )
            if "special" in (source.dealer_zone_type, dest.dealer_zone_type) and not (
                is_manager or validating
            ):
                raise AccessError(
                    self.env._(
                        "Only a Warehouse Manager moves goods in or out of the special "
                        "parts area (STK-18)."
                    )
                )
            if (
                dest.usage == "internal"
                and dest.warehouse_id.dealer_zones_enabled
                and dest.dealer_zone_type
                not in ("pending_inspection", "non_conforming")
            ):
                missing = dest._dealer_check_storage(line.product_id)
                if missing:
                    raise UserError(
                        self.env._(
                            "%(location)s cannot store %(product)s: it is not "
                            "%(missing)s (STK-03, STK-19).",
                            location=dest.display_name,
                            product=product,
                            missing=", ".join(missing),
                        )
                    )
