# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

# The manual's three levels (RSK-02, RSK-04 to RSK-06).
LEVELS = [("low", "Low"), ("medium", "Medium"), ("high", "High")]
# The rule of the manual that says how a level is answered.
LEVEL_RULES = {"high": "RSK-04", "medium": "RSK-05", "low": "RSK-06"}


class DealerRiskMatrixCell(models.Model):
    """One cell of a company's risk matrix: a likelihood and an impact on the
    company's scales, and the level they give (RSK-02, RSK-03).

    The cells of a company are made by the company itself (its scales), one
    per likelihood and impact; only their level is edited. Changing a level
    re-levels every risk of the company in one recompute (dealer.risk's
    ``level`` depends on the cells)."""

    _name = "dealer.risk.matrix.cell"
    _description = "Risk Matrix Cell"
    _inherit = ["dealer.governed.mixin"]
    _order = "company_id, likelihood desc, impact"
    _check_company_auto = True

    # The coordinates follow the company's scales: the company makes and
    # removes cells (res.company._dealer_risk_sync_matrix).
    _dealer_governed = {
        "company_id": "RSK-02",
        "likelihood": "RSK-02",
        "impact": "RSK-02",
    }

    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        ondelete="cascade",
        default=lambda self: self.env.company,
    )
    likelihood = fields.Integer(required=True, default=1)
    impact = fields.Integer(required=True, default=1)
    level = fields.Selection(LEVELS, required=True, default="low")
    score = fields.Integer(compute="_compute_score", store=True)

    _sql_constraints = [
        (
            "cell_uniq",
            "unique (company_id, likelihood, impact)",
            "A company's matrix has one cell per likelihood and impact (RSK-02).",
        ),
    ]

    @api.depends("likelihood", "impact")
    def _compute_score(self):
        for cell in self:
            cell.score = cell.likelihood * cell.impact

    @api.depends("likelihood", "impact")
    def _compute_display_name(self):
        for cell in self:
            cell.display_name = self.env._(
                "Likelihood %(likelihood)s x impact %(impact)s",
                likelihood=cell.likelihood,
                impact=cell.impact,
            )

    @api.constrains("likelihood", "impact", "company_id")
    def _check_on_scales(self):
        for cell in self:
            company = cell.company_id
            if not (
                1 <= cell.likelihood <= company.dealer_risk_likelihood_scale
                and 1 <= cell.impact <= company.dealer_risk_impact_scale
            ):
                raise ValidationError(
                    self.env._(
                        "Likelihood %(likelihood)s x impact %(impact)s is outside "
                        "the company's scales (rule RSK-02).",
                        likelihood=cell.likelihood,
                        impact=cell.impact,
                    )
                )

    def write(self, vals):
        res = super().write(vals)
        if "level" in vals:
            # RSK-02: the company's risks take their new level now, in one
            # recompute over all of them (dealer.risk.level depends on the
            # cells), not one tracking message per risk: the change is the
            # matrix's, logged below.
            self.env["dealer.risk"].with_context(mail_notrack=True).flush_model(
                ["level"]
            )
        return res
