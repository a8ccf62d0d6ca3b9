# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from .dealer_risk_matrix_cell import LEVELS


class DealerRiskAssessmentLine(models.Model):
    """One risk in an assessment: its rating, level and response when the
    assessment opened (a snapshot), and as its owner confirmed them in the
    review (RSK-02)."""

    _name = "dealer.risk.assessment.line"
    _description = "Risk Assessment Line"
    _inherit = ["dealer.governed.mixin"]
    _order = "assessment_id, level_order desc, id"
    _check_company_auto = True

    _dealer_governed = {
        "assessment_id": "RSK-02",
        "risk_id": "RSK-02",
        "likelihood": "RSK-02",
        "impact": "RSK-02",
        "level": "RSK-02",
        "strategy_id": "RSK-02",
        "reviewed": "RSK-02",
        "reviewed_by_id": "RSK-02",
        "reviewed_date": "RSK-02",
        "likelihood_reviewed": "RSK-02",
        "impact_reviewed": "RSK-02",
        "level_reviewed": "RSK-02",
        "strategy_reviewed_id": "RSK-02",
    }
    _dealer_keep_rule = "RSK-01"

    assessment_id = fields.Many2one(
        "dealer.risk.assessment",
        required=True,
        index=True,
        ondelete="cascade",
        readonly=True,
    )
    company_id = fields.Many2one(
        related="assessment_id.company_id", store=True, index=True
    )
    assessment_state = fields.Selection(related="assessment_id.state")
    risk_id = fields.Many2one(
        "dealer.risk", required=True, index=True, readonly=True, check_company=True
    )
    owner_id = fields.Many2one(related="risk_id.owner_id")
    department = fields.Selection(related="risk_id.department")
    category = fields.Selection(related="risk_id.category")
    # Snapshot when the assessment opened.
    likelihood = fields.Integer(readonly=True)
    impact = fields.Integer(readonly=True)
    level = fields.Selection(LEVELS, readonly=True)
    level_order = fields.Integer(compute="_compute_level_order", store=True)
    strategy_id = fields.Many2one(
        "dealer.risk.strategy", string="Response", readonly=True
    )
    # As the owner confirmed them.
    reviewed = fields.Boolean(readonly=True, copy=False)
    reviewed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    reviewed_date = fields.Datetime(readonly=True, copy=False)
    likelihood_reviewed = fields.Integer(
        string="Likelihood (reviewed)", readonly=True, copy=False
    )
    impact_reviewed = fields.Integer(
        string="Impact (reviewed)", readonly=True, copy=False
    )
    level_reviewed = fields.Selection(
        LEVELS, string="Level (reviewed)", readonly=True, copy=False
    )
    strategy_reviewed_id = fields.Many2one(
        "dealer.risk.strategy", string="Response (reviewed)", readonly=True, copy=False
    )
    review_note = fields.Text(help="What changed since the last assessment.")

    @api.depends("level", "level_reviewed")
    def _compute_level_order(self):
        order = {"low": 1, "medium": 2, "high": 3}
        for line in self:
            line.level_order = order.get(line.level_reviewed or line.level, 0)

    def write(self, vals):
        if not self._dealer_is_trusted() and self.filtered("reviewed"):
            raise UserError(
                self.env._(
                    "%(risk)s was reviewed in this assessment: the review is kept "
                    "as it was (rule RSK-02).",
                    risk=self.filtered("reviewed")[0].risk_id.name,
                )
            )
        return super().write(vals)

    def action_review(self):
        """The risk's owner confirms the risk as it stands now (re-rated on the
        risk's form if it changed): its rating, level and response are kept on
        the line, and the risk's next review is set (RSK-02)."""
        user = self.env.user
        now = fields.Datetime.now()
        today = fields.Date.context_today(self)
        for line in self:
            if line.reviewed:
                raise UserError(
                    self.env._("%(risk)s is already reviewed.", risk=line.risk_id.name)
                )
            if line.assessment_id.state != "open" or line.assessment_id.review_ids:
                raise UserError(
                    self.env._(
                        "Assessment %(name)s is no longer open for reviews.",
                        name=line.assessment_id.name,
                    )
                )
            risk = line.risk_id
            if risk.owner_id != user and not self.env.su:
                raise UserError(
                    self.env._(
                        "%(risk)s is reviewed by its owner, %(owner)s (rule RSK-02).",
                        risk=risk.name,
                        owner=risk.owner_id.name,
                    )
                )
            if not (risk.likelihood and risk.impact):
                raise UserError(
                    self.env._(
                        "%(risk)s: rate its likelihood and impact before "
                        "reviewing it (rule RSK-02).",
                        risk=risk.name,
                    )
                )
            line._dealer_as_action().write(
                {
                    "reviewed": True,
                    "reviewed_by_id": user.id,
                    "reviewed_date": now,
                    "likelihood_reviewed": risk.likelihood,
                    "impact_reviewed": risk.impact,
                    "level_reviewed": risk.level,
                    "strategy_reviewed_id": risk.strategy_id.id,
                }
            )
            risk_vals = {
                "last_assessed_date": today,
                "next_review_date": risk._dealer_next_review(),
            }
            if risk.state == "identified":
                risk_vals["state"] = "assessed"
            # sudo: the owner's review updates the register whoever the
            # record rules let write the risk.
            risk.sudo()._dealer_as_action().write(risk_vals)
        self._dealer_done_owner_activities()
        return True

    def _dealer_done_owner_activities(self):
        """An owner's review activity on the assessment is done once all the
        owner's lines are reviewed."""
        activity_type = self.env.ref("dealer_risk.mail_activity_type_assessment_review")
        for assessment in self.assessment_id:
            for owner in self.filtered(
                lambda line, a=assessment: line.assessment_id == a
            ).risk_id.owner_id:
                pending = assessment.line_ids.filtered(
                    lambda line, o=owner: line.risk_id.owner_id == o
                    and not line.reviewed
                )
                if pending:
                    continue
                # sudo: the owner closes their own reminder on a document they
                # may only read.
                assessment.sudo().activity_ids.filtered(
                    lambda act, o=owner: act.user_id == o
                    and act.activity_type_id == activity_type
                ).action_feedback(feedback=self.env._("Risks reviewed."))
