# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.dealer_base.tools import policy_records

BUSY = ("reserved", "in_use")


class FleetVehicleUsage(models.Model):
    """A vehicle use request (ADM-11) on OCA fleet_vehicle_usage: the head of
    the requester's department approves it before the vehicle is picked up;
    a vehicle is never reserved twice for overlapping times; the odometer at
    return is not below the odometer at pick-up."""

    _name = "fleet.vehicle.usage"
    _inherit = [
        "fleet.vehicle.usage",
        "dealer.approval.mixin",
        "dealer.approval.department.mixin",
    ]

    _state_from = ["draft"]
    _state_to = ["reserved"]
    _cancel_state = "cancel"
    _tier_validation_manual_config = False
    _dealer_approval_rule = "ADM-11"
    _dealer_approval_waiting_state = "draft"
    # The head of the requester's department approves.
    _dealer_department_user = "requester_id"
    _dealer_governed = {
        "requester_id": "ADM-11",
        "department": "ADM-11",
        "date_picking": "ADM-11",
        "date_return": "ADM-11",
        "odometer_start": "ADM-11",
        "odometer_end": "ADM-11",
    }

    requester_id = fields.Many2one(
        "res.users",
        string="Requested by",
        readonly=True,
        default=lambda self: self.env.user,
    )
    date_start = fields.Datetime(string="From", tracking=True)
    date_end = fields.Datetime(string="To", tracking=True)
    purpose = fields.Char(tracking=True)
    odometer_start = fields.Float(string="Odometer at pick-up", readonly=True)
    odometer_end = fields.Float(string="Odometer at return", readonly=True)
    odometer_input = fields.Float(
        string="Odometer now", help="Read the odometer when you return the vehicle."
    )

    def write(self, vals):
        # ADM-11: the vehicle, times and purpose are those approved.
        changed = vals.keys() & {"vehicle_id", "date_start", "date_end", "purpose"}
        if changed and not self._dealer_is_trusted():
            for usage in self.filtered(lambda u: u.state != "draft"):
                raise UserError(self.env._("%s was already requested.", usage.name))
        return super().write(vals)

    def _dealer_approval_authors(self):
        return super()._dealer_approval_authors() | self.requester_id

    @api.constrains("vehicle_id", "date_start", "date_end", "state")
    def _check_dealer_overlap(self):
        """ADM-11: a vehicle is not reserved twice for overlapping times."""
        usages = policy_records(self).filtered(
            lambda u: u.date_start
            and u.date_end
            and u.state not in ("cancel", "returned")
        )
        if not usages:
            return
        # Serialise the reservations of these vehicles (two users at once).
        self.env.cr.execute(
            "SELECT id FROM fleet_vehicle WHERE id IN %s FOR UPDATE",
            [tuple(usages.vehicle_id.ids)],
        )
        for usage in usages:
            if usage.date_end <= usage.date_start:
                raise ValidationError(
                    self.env._("%s: the use ends after it starts (ADM-11).", usage.name)
                )
            other = self.search(
                [
                    ("id", "!=", usage.id),
                    ("vehicle_id", "=", usage.vehicle_id.id),
                    ("state", "in", BUSY),
                    ("date_start", "<", usage.date_end),
                    ("date_end", ">", usage.date_start),
                ],
                limit=1,
            )
            if other:
                raise ValidationError(
                    self.env._(
                        "%(vehicle)s is already reserved by %(other)s for an "
                        "overlapping time (From, To, ADM-11).",
                        vehicle=usage.vehicle_id.display_name,
                        other=other.name,
                    )
                )

    # ------------------------------------------------------------------ workflow
    def request_validation(self):
        for usage in self:
            if usage.state != "draft":
                raise UserError(self.env._("%s was already requested.", usage.name))
            if not (usage.date_start and usage.date_end and usage.purpose):
                raise UserError(
                    self.env._(
                        "%s: give the times and the purpose of the use (ADM-11).",
                        usage.name,
                    )
                )
        self.invalidate_recordset(["need_validation"])
        return super().request_validation()

    def action_pick(self):
        """ADM-11: only an approved (reserved) use is picked up; the odometer
        is read from the vehicle. A company off the manual picks as the core
        module does."""
        for usage in policy_records(self):
            if usage.state != "reserved":
                raise UserError(
                    self.env._(
                        "%s is not approved: a vehicle is picked up only after "
                        "the use is approved (ADM-11).",
                        usage.name,
                    )
                )
        for usage in self:
            # sudo: the odometer log is Fleet's; the driver reads its last value.
            odometer = usage.vehicle_id.sudo().odometer
            usage._dealer_as_action().write(
                {
                    "odometer_start": odometer,
                    "picking_user_id": self.env.user.id,
                }
            )
        return super(FleetVehicleUsage, self._dealer_as_action()).action_pick()

    def action_return(self):
        """Return with the odometer now, not below the pick-up's (ADM-11)."""
        for usage in self:
            if usage.state != "in_use":
                raise UserError(self.env._("%s is not in use.", usage.name))
        for usage in policy_records(self):
            if not usage.odometer_input or usage.odometer_input < usage.odometer_start:
                raise ValidationError(
                    self.env._(
                        "%(name)s: the odometer at return (%(end)s) is missing or "
                        "below the odometer at pick-up (%(start)s) (Odometer now, "
                        "ADM-11).",
                        name=usage.name,
                        end=usage.odometer_input,
                        start=usage.odometer_start,
                    )
                )
        for usage in self.filtered("odometer_input"):
            usage._dealer_as_action().write(
                {
                    "odometer_end": usage.odometer_input,
                    "return_user_id": self.env.user.id,
                }
            )
            # sudo: the return writes the vehicle's odometer log.
            self.env["fleet.vehicle.odometer"].sudo().create(
                {
                    "vehicle_id": usage.vehicle_id.id,
                    "value": usage.odometer_input,
                    "date": fields.Date.context_today(usage),
                }
            )
        return super(FleetVehicleUsage, self._dealer_as_action()).action_return()

    def action_cancel(self):
        return super(FleetVehicleUsage, self._dealer_as_action()).action_cancel()
