# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.dealer_base.tools import policy_records

from .stock_location import HELD_ZONES

# Where goods come from when they enter the company: suppliers, and customers
# returning them. They reach a zoned warehouse only through pending inspection.
ARRIVAL_USAGES = ("supplier", "customer")

# Fields of a done move line whose change moves stock (stock.move.line.write
# and create update the quants of done lines directly, without _action_done).
DONE_STOCK_FIELDS = frozenset(
    {
        "location_id",
        "location_dest_id",
        "quantity",
        "product_uom_id",
        "product_id",
        "lot_id",
        "quant_id",
    }
)


class StockMoveLine(models.Model):
    _inherit = "stock.move.line"

    # ------------------------------------------------------------------ CRUD
    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        # A line added to a done transfer moves stock at once: same rules.
        done = lines.filtered(lambda line: line.state == "done")
        if done:
            done._dealer_refuse_held_stock_edit()
            done._dealer_check_zone_rules()
        return lines

    def write(self, vals):
        done = self.browse()
        if DONE_STOCK_FIELDS & vals.keys():
            done = self.filtered(
                lambda line: line.state == "done" and line._dealer_changes(vals)
            )
            # Before: goods that were booked in or out of a held area stay so.
            done._dealer_refuse_held_stock_edit()
        res = super().write(vals)
        if done:
            # After: nor are goods booked into one, and the new line obeys the
            # rules a new move would.
            done._dealer_refuse_held_stock_edit()
            done._dealer_check_zone_rules()
        return res

    def _dealer_changes(self, vals):
        """Whether writing ``vals`` changes a stock field of this line."""
        self.ensure_one()
        for fname in DONE_STOCK_FIELDS & vals.keys():
            field = self._fields[fname]
            new = field.convert_to_cache(vals[fname], self, validate=False)
            if new != field.convert_to_cache(self[fname], self, validate=False):
                return True
        return False

    def _dealer_refuse_held_stock_edit(self):
        """STK-09: done moves into or out of the pending-inspection and
        non-conforming areas are corrected through the receipt acceptance (its
        counted quantity books the difference), never by editing them. A
        company that does not run by the manual keeps core's behaviour."""
        for line in policy_records(self):
            held = (line.location_id | line.location_dest_id).filtered(
                lambda location: location.dealer_zone_type in HELD_ZONES
            )
            if held:
                raise UserError(
                    self.env._(
                        "%(product)s: a done move into or out of %(location)s "
                        "cannot be changed or added to; the receipt acceptance "
                        "records the quantities found (STK-09).",
                        product=line.product_id.display_name,
                        location=held[:1].display_name,
                    )
                )

    # ---------------------------------------------------------------- done
    def _action_done(self):
        self._dealer_check_zone_rules()
        return super()._action_done()

    def _dealer_inspected_elsewhere(self):
        """Whether another inspection than the receipt acceptance released this
        line from the pending-inspection area (e.g. a customer's returned unit)."""
        return False

    def _dealer_released_by_acceptance(self):
        """Whether this line is a result of the receipt acceptance being
        validated now, out of the pending-inspection area the receipt landed in.
        The acceptance on a move is set only by the acceptance itself (governed
        field of stock.move)."""
        self.ensure_one()
        # sudo: reading the acceptance decides a rule; the user moving goods
        # need not be able to open acceptances.
        inspection = self.move_id.sudo().dealer_inspection_id
        return bool(
            inspection
            and inspection.state == "draft"
            and self.location_id == inspection._dealer_pending_location()
        )

    def _dealer_arrival_pending_area(self):
        """For goods entering the company (from a supplier or a customer) into
        an internal location under inspection zones: the pending-inspection area
        they must land in. Empty when no zone rule applies."""
        self.ensure_one()
        dest = self.location_dest_id
        Location = self.env["stock.location"]
        if self.location_id.usage not in ARRIVAL_USAGES or dest.usage != "internal":
            return Location
        warehouse = dest.warehouse_id
        if warehouse:
            return (
                warehouse.dealer_pending_location_id
                if warehouse.dealer_zones_enabled
                else Location
            )
        # A location outside every warehouse (the zones themselves, or one made
        # by hand): the rule holds when the company keeps zoned warehouses.
        # sudo: the rule must see the company's warehouses, whoever receives.
        zoned = (
            self.env["stock.warehouse"]
            .sudo()
            .search(
                [
                    ("company_id", "=", self.company_id.id),
                    ("dealer_zones_enabled", "=", True),
                ]
            )
        )
        if dest in zoned.dealer_pending_location_id:
            return dest
        return zoned.dealer_pending_location_id[:1]

    def _dealer_check_zone_rules(self):
        """The warehouse rules of the manual, checked on every move that is done
        and every done move that is changed, for a company that runs by the
        manual (issue 18: another keeps core's behaviour)."""
        is_manager = self.env.su or self.env.user.has_group(
            "dealer_base.group_warehouse_manager"
        )
        for line in policy_records(self).filtered("quantity"):
            source, dest = line.location_id, line.location_dest_id
            product = line.product_id.display_name
            pending = line._dealer_arrival_pending_area()
            if pending and dest.dealer_zone_type != "pending_inspection":
                raise UserError(
                    self.env._(
                        "%(product)s comes from %(origin)s: it enters the warehouse "
                        "only through %(pending)s, not %(location)s; it is booked "
                        "into stock once its receipt acceptance is validated "
                        "(STK-09, PUR-08).",
                        product=product,
                        origin=source.display_name,
                        pending=pending.display_name,
                        location=dest.display_name,
                    )
                )
            released = (
                source.dealer_zone_type == "pending_inspection"
                and line._dealer_released_by_acceptance()
            )
            if (
                source.dealer_zone_type == "pending_inspection"
                and not released
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
                is_manager or released
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
                and dest.dealer_zone_type not in HELD_ZONES
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
