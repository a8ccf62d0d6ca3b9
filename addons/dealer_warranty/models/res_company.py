# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    # ASV-19: the manual leaves the windows to the company.
    dealer_warranty_return_days = fields.Integer(
        string="Default return window (days)",
        default=7,
        help="Days after delivery in which a unit with a quality problem may be "
        "returned for a refund. New warranty terms start from this value.",
    )
    dealer_warranty_exchange_days = fields.Integer(
        string="Default exchange window (days)",
        default=15,
        help="Days after delivery in which a unit with a quality problem may be "
        "exchanged. New warranty terms start from this value.",
    )
    dealer_warranty_allow_override = fields.Boolean(
        string="Managers may override windows",
        default=True,
        help="An After-sales Manager may accept a claim outside its window, "
        "with a recorded reason.",
    )
    # ASV-27: the return visit after a warranty repair.
    dealer_repair_followup_days = fields.Integer(
        string="Repair follow-up after (days)",
        default=3,
        help="Days after a repair is done when the customer is called back.",
    )

    @api.constrains(
        "dealer_warranty_return_days",
        "dealer_warranty_exchange_days",
        "dealer_repair_followup_days",
    )
    def _check_dealer_warranty_days(self):
        for company in self:
            if (
                min(
                    company.dealer_warranty_return_days,
                    company.dealer_warranty_exchange_days,
                    company.dealer_repair_followup_days,
                )
                < 0
            ):
                raise ValidationError(
                    self.env._(
                        "Return and exchange windows and the repair follow-up "
                        "delay cannot be negative (ASV-19, ASV-27)."
                    )
                )
