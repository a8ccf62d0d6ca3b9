# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    dealer_appraisal_grade_a = fields.Float(
        related="company_id.dealer_appraisal_grade_a", readonly=False
    )
    dealer_appraisal_grade_b = fields.Float(
        related="company_id.dealer_appraisal_grade_b", readonly=False
    )
    dealer_appraisal_grade_c = fields.Float(
        related="company_id.dealer_appraisal_grade_c", readonly=False
    )

    # HRM-14: the evaluation weights are written to the company together in
    # set_values, so that changing two of them is one write and the check
    # that they total 100 sees the new set, not a half-changed one.
    dealer_eval_weight_self = fields.Float(
        string="Self evaluation weight",
        compute="_compute_dealer_eval_weight_self",
        store=True,
        readonly=False,
    )
    dealer_eval_weight_superior = fields.Float(
        string="Superior evaluation weight",
        compute="_compute_dealer_eval_weight_superior",
        store=True,
        readonly=False,
    )
    dealer_eval_weight_peer = fields.Float(
        string="Peer evaluation weight",
        compute="_compute_dealer_eval_weight_peer",
        store=True,
        readonly=False,
    )
    dealer_eval_weight_customer = fields.Float(
        string="Customer evaluation weight",
        compute="_compute_dealer_eval_weight_customer",
        store=True,
        readonly=False,
    )
    dealer_appraisal_kpi_share = fields.Float(
        related="company_id.dealer_appraisal_kpi_share", readonly=False
    )
    dealer_appraisal_survey_id = fields.Many2one(
        related="company_id.dealer_appraisal_survey_id", readonly=False
    )

    # One compute per field: Odoo leaves the fields of a shared compute
    # unset when the form gives only some of them.
    def _dealer_compute_eval_weight(self, kind):
        for settings in self:
            settings[f"dealer_eval_weight_{kind}"] = settings.company_id[
                f"dealer_eval_weight_{kind}"
            ]

    @api.depends("company_id")
    def _compute_dealer_eval_weight_self(self):
        self._dealer_compute_eval_weight("self")

    @api.depends("company_id")
    def _compute_dealer_eval_weight_superior(self):
        self._dealer_compute_eval_weight("superior")

    @api.depends("company_id")
    def _compute_dealer_eval_weight_peer(self):
        self._dealer_compute_eval_weight("peer")

    @api.depends("company_id")
    def _compute_dealer_eval_weight_customer(self):
        self._dealer_compute_eval_weight("customer")

    def set_values(self):
        res = super().set_values()
        for settings in self:
            settings.company_id.write(
                {
                    f"dealer_eval_weight_{kind}": settings[f"dealer_eval_weight_{kind}"]
                    for kind in ("self", "superior", "peer", "customer")
                }
            )
        return res
