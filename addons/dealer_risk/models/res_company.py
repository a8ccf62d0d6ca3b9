# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

# The manual's answers per level (001 §七(二)1): high risks are avoided,
# mitigated or transferred (RSK-04); medium ones reduced or monitored
# (RSK-05); low ones may be accepted (RSK-06), and may still be reduced or
# monitored.
DEFAULT_STRATEGIES = {
    "high": ("avoid", "reduce", "transfer"),
    "medium": ("reduce", "monitor"),
    "low": ("accept", "reduce", "monitor"),
}
# Bounds of a scale: a matrix of at least 2 x 2 and at most 10 x 10.
SCALE_MIN, SCALE_MAX = 2, 10


class ResCompany(models.Model):
    _inherit = "res.company"

    # RSK-01: risks are identified and assessed periodically.
    dealer_risk_assessment_months = fields.Integer(
        string="Risk assessment every (months)",
        default=3,
        help="A risk assessment campaign is opened at the start of each period "
        "(RSK-01).",
    )
    dealer_risk_indicator_months = fields.Integer(
        string="Risk indicator period (months)",
        default=1,
        help="A key risk indicator beyond its limit opens one review of its "
        "risk per period.",
    )
    # RSK-02: the scales and the matrix that levels a risk.
    dealer_risk_likelihood_scale = fields.Integer(
        string="Likelihood scale", default=5, help="Likelihood is rated 1 to this."
    )
    dealer_risk_impact_scale = fields.Integer(
        string="Impact scale", default=5, help="Impact is rated 1 to this."
    )
    dealer_risk_cell_ids = fields.One2many(
        "dealer.risk.matrix.cell", "company_id", string="Risk matrix"
    )
    # RSK-04 to RSK-06: the responses each level allows.
    dealer_risk_high_strategy_ids = fields.Many2many(
        "dealer.risk.strategy",
        "dealer_risk_company_high_strategy_rel",
        "company_id",
        "strategy_id",
        string="Responses to a high risk",
    )
    dealer_risk_medium_strategy_ids = fields.Many2many(
        "dealer.risk.strategy",
        "dealer_risk_company_medium_strategy_rel",
        "company_id",
        "strategy_id",
        string="Responses to a medium risk",
    )
    dealer_risk_low_strategy_ids = fields.Many2many(
        "dealer.risk.strategy",
        "dealer_risk_company_low_strategy_rel",
        "company_id",
        "strategy_id",
        string="Responses to a low risk",
    )

    @api.constrains(
        "dealer_risk_likelihood_scale",
        "dealer_risk_impact_scale",
        "dealer_risk_assessment_months",
        "dealer_risk_indicator_months",
    )
    def _check_dealer_risk_settings(self):
        for company in self:
            for fname in ("dealer_risk_likelihood_scale", "dealer_risk_impact_scale"):
                if not SCALE_MIN <= company[fname] <= SCALE_MAX:
                    raise ValidationError(
                        self.env._(
                            "%(field)s must be between %(low)s and %(high)s "
                            "(rule RSK-02).",
                            field=self._fields[fname]._description_string(self.env),
                            low=SCALE_MIN,
                            high=SCALE_MAX,
                        )
                    )
            for fname in (
                "dealer_risk_assessment_months",
                "dealer_risk_indicator_months",
            ):
                if not 1 <= company[fname] <= 12:
                    raise ValidationError(
                        self.env._(
                            "%(field)s must be between 1 and 12 (rule RSK-01).",
                            field=self._fields[fname]._description_string(self.env),
                        )
                    )

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        companies._dealer_risk_set_defaults()
        return companies

    def write(self, vals):
        res = super().write(vals)
        if {"dealer_risk_likelihood_scale", "dealer_risk_impact_scale"} & set(vals):
            self._dealer_risk_sync_matrix()
        return res

    # ------------------------------------------------------------------ matrix
    def _dealer_risk_default_level(self, likelihood, impact):
        """The manual's three levels spread over the matrix by the score's
        share of the largest score (RSK-02): up to 16% low (1 to 4 on 5 x 5),
        up to half medium, above that high (15 to 25 on 5 x 5)."""
        self.ensure_one()
        share = (likelihood * impact) / (
            self.dealer_risk_likelihood_scale * self.dealer_risk_impact_scale
        )
        if share <= 0.16:
            return "low"
        if share <= 0.5:
            return "medium"
        return "high"

    def _dealer_risk_sync_matrix(self):
        """One cell per likelihood and impact of the company's scales: missing
        cells get the default level, cells beyond the scales go. Risks rated
        beyond a smaller scale are re-rated first (refused otherwise)."""
        Cell = self.env["dealer.risk.matrix.cell"]
        Risk = self.env["dealer.risk"].with_context(active_test=False)
        for company in self:
            likelihoods = company.dealer_risk_likelihood_scale
            impacts = company.dealer_risk_impact_scale
            beyond = Risk.sudo().search_count(
                [
                    ("company_id", "=", company.id),
                    "|",
                    ("likelihood", ">", likelihoods),
                    ("impact", ">", impacts),
                ]
            )
            if beyond:
                raise ValidationError(
                    self.env._(
                        "%(count)s risks of %(company)s are rated beyond the new "
                        "scales: rate them again first (rule RSK-02).",
                        count=beyond,
                        company=company.name,
                    )
                )
            cells = company.sudo().dealer_risk_cell_ids
            existing = {(cell.likelihood, cell.impact) for cell in cells}
            # sudo: the matrix follows the scales whoever changes them
            # (the settings page checks the right to do so).
            cells.filtered(
                lambda c, li=likelihoods, im=impacts: c.likelihood > li or c.impact > im
            ).sudo().unlink()
            missing = [
                {
                    "company_id": company.id,
                    "likelihood": likelihood,
                    "impact": impact,
                    "level": company._dealer_risk_default_level(likelihood, impact),
                }
                for likelihood in range(1, likelihoods + 1)
                for impact in range(1, impacts + 1)
                if (likelihood, impact) not in existing
            ]
            if missing:
                Cell.sudo()._dealer_as_action().create(missing)

    @api.model
    def _dealer_risk_install_defaults(self):
        self.search([])._dealer_risk_set_defaults()

    def _dealer_risk_set_defaults(self):
        """The manual's matrix and the responses each level allows, for
        companies that have none yet."""
        strategies = self.env["dealer.risk.strategy"].with_context(active_test=False)
        by_code = {s.code: s for s in strategies.search([])}
        for company in self:
            vals = {}
            for level, codes in DEFAULT_STRATEGIES.items():
                fname = f"dealer_risk_{level}_strategy_ids"
                if not company[fname]:
                    ids = [by_code[code].id for code in codes if code in by_code]
                    vals[fname] = [fields.Command.set(ids)]
            if vals:
                company.sudo().write(vals)
        self._dealer_risk_sync_matrix()

    def _dealer_risk_allowed_strategies(self, level):
        """The responses the company allows for ``level`` (RSK-04 to RSK-06)."""
        self.ensure_one()
        if not level:
            return self.env["dealer.risk.strategy"]
        return self[f"dealer_risk_{level}_strategy_ids"]

    # ------------------------------------------------------------------ routing
    def _dealer_general_managers(self):
        """The members of General Management working for this company: they
        hear of major incidents (RSK-08) and approve assessments. The
        administrator and the superuser come only when nobody else does, like
        dealer_base's department routing."""
        self.ensure_one()
        # sudo: group membership is not readable by every user, while telling
        # General Management of an incident is every reporter's action.
        group = self.env.ref("dealer_base.group_general_management").sudo()
        members = group.users.filtered(
            lambda user: self in user.company_ids and not user.share
        )
        placeholders = self.env.ref("base.user_admin") | self.env.ref("base.user_root")
        return ((members - placeholders) or members).sorted("id").sudo(False)
