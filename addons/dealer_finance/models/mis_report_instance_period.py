# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.dealer_base.tools import policy_records

# A budget is reported once approved; a superseded version stays readable
# (FIN-02, FIN-05).
REPORTED_STATES = ("confirmed", "superseded")


class MisReportInstancePeriod(models.Model):
    _inherit = "mis.report.instance.period"

    # mis_builder_budget's reports do not filter budgets by state: only
    # approved ones (and superseded versions) are offered (FIN-02).
    source_mis_budget_by_account_id = fields.Many2one(
        domain=[("state", "in", REPORTED_STATES)]
    )

    @api.constrains("source_mis_budget_by_account_id")
    def _check_dealer_budget_approved(self):
        for period in policy_records(self):
            budget = period.source_mis_budget_by_account_id
            if budget and budget.state not in REPORTED_STATES:
                raise ValidationError(
                    self.env._(
                        "Budget %(name)s is not approved by General Management: it "
                        "is not reported (field Budget by Account, rule FIN-02).",
                        name=budget.display_name,
                    )
                )
