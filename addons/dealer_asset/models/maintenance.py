# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

UPKEEP_KINDS = [
    ("fire", "Fire equipment"),
    ("pest", "Pest check"),
    ("office", "Office equipment"),
    ("other", "Other"),
]


class MaintenanceEquipmentCategory(models.Model):
    _inherit = "maintenance.equipment.category"

    dealer_upkeep_kind = fields.Selection(
        UPKEEP_KINDS,
        string="Upkeep kind",
        default="other",
        help="Fire equipment (STK-17), pest checks (STK-20), office equipment "
        "(ADM-02): their periodic checks show in the upkeep compliance view.",
    )


class MaintenanceRequest(models.Model):
    _inherit = "maintenance.request"

    dealer_upkeep_kind = fields.Selection(
        related="category_id.dealer_upkeep_kind", store=True, string="Upkeep kind"
    )

    def _dealer_overdue_domain(self, kinds, date_to):
        return [
            ("maintenance_type", "=", "preventive"),
            ("dealer_upkeep_kind", "in", kinds),
            ("stage_id.done", "=", False),
            ("archive", "=", False),
            ("schedule_date", "<", fields.Datetime.to_datetime(date_to)),
        ]

    def _dealer_compliance(self, kinds, companies, date_from, date_to):
        today = fields.Date.context_today(self)
        domain = self._dealer_overdue_domain(kinds, min(date_to, today)) + [
            ("company_id", "in", companies.ids),
        ]
        return {"count": self.search_count(domain), "domain": domain}

    def _dealer_compliance_stk_17(self, companies, date_from, date_to):
        """STK-17: fire equipment checks overdue (the registry's check)."""
        return self._dealer_compliance(["fire"], companies, date_from, date_to)

    def _dealer_compliance_stk_20(self, companies, date_from, date_to):
        """STK-20: pest checks overdue."""
        return self._dealer_compliance(["pest"], companies, date_from, date_to)

    def _dealer_compliance_adm_02(self, companies, date_from, date_to):
        """ADM-02: office equipment maintenance overdue."""
        return self._dealer_compliance(["office"], companies, date_from, date_to)
