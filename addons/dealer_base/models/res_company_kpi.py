# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"  # pylint: disable=consider-merging-classes-inherited

    # HRM-18: KPI results are recorded; after these days a period's values
    # are final and never change again.
    dealer_kpi_final_days = fields.Integer(
        string="KPI values final after (days)",
        default=10,
        help="Days after the end of a period during which late facts still "
        "change its KPI values; then they are final.",
    )

    @api.constrains("dealer_kpi_final_days")
    def _check_dealer_kpi_final_days(self):
        if any(company.dealer_kpi_final_days < 0 for company in self):
            raise ValidationError(
                self.env._(
                    "KPI values final after (days) cannot be negative (rule " "HRM-18)."
                )
            )

    def _dealer_kpi_tz(self):
        """The company's time zone, in which KPI periods count: its address's,
        else UTC."""
        self.ensure_one()
        return self.partner_id.tz or "UTC"
