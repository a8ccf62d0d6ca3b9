# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from odoo.addons.dealer_base.tools import DEPARTMENTS, has_words

from .dealer_risk_matrix_cell import LEVEL_RULES, LEVELS

_lt = LazyTranslate(__name__)

# RSK-01: at least market, technical, financial, legal and personnel risk.
CATEGORIES = [
    ("market", "Market"),
    ("technical", "Technical"),
    ("financial", "Financial"),
    ("legal", "Legal"),
    ("personnel", "Personnel"),
    ("operational", "Operational"),
]
# RSK-07: identification, assessment, control (treatment) and monitoring.
STATES = [
    ("identified", "Identified"),
    ("assessed", "Assessed"),
    ("treated", "Treated"),
    ("closed", "Closed"),
]
# Who manages every risk of the company besides its owner.
RISK_MANAGERS = (
    "dealer_base.group_administration_manager",
    "dealer_base.group_general_management",
)


class DealerRisk(models.Model):
    """A risk of the register (RSK-01): rated for likelihood and impact on
    the company's scales, levelled by the company's matrix (RSK-02, RSK-03),
    answered by a response its level allows (RSK-04 to RSK-06), and moved
    from identification through assessment and treatment to closure (RSK-07).
    """

    _name = "dealer.risk"
    _description = "Risk"
    _inherit = ["mail.thread", "mail.activity.mixin", "dealer.governed.mixin"]
    _order = "score desc, next_review_date, id"
    _check_company_auto = True

    _dealer_governed = {
        "state": "RSK-07",
        "level": "RSK-02",
        "score": "RSK-02",
        "strategy_allowed": "RSK-04",
        "last_assessed_date": "RSK-01",
    }
    # The register is the company's memory of its risks: closed, never deleted.
    _dealer_keep_rule = "RSK-01"

    name = fields.Char(string="Risk", required=True, tracking=True)
    category = fields.Selection(
        CATEGORIES, required=True, default="market", tracking=True, index=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda s: s.env.company
    )
    owner_id = fields.Many2one(
        "res.users",
        string="Owner",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
        help="Watches the risk, reviews it in each assessment and carries out "
        "its response.",
    )
    department = fields.Selection(
        DEPARTMENTS,
        compute="_compute_department",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        index=True,
    )
    description = fields.Text(help="What could happen, and to what.")
    causes = fields.Text(help="Internal and external sources of the risk.")
    likelihood = fields.Integer(
        tracking=True,
        help="How likely it is, from 1 to the company's likelihood scale; 0 while "
        "not assessed (RSK-02).",
    )
    impact = fields.Integer(
        tracking=True,
        help="How much it would hurt, from 1 to the company's impact scale; 0 "
        "while not assessed (RSK-02).",
    )
    score = fields.Integer(compute="_compute_score", store=True)
    level = fields.Selection(
        LEVELS,
        compute="_compute_level",
        store=True,
        tracking=True,
        index=True,
        help="Read from the company's risk matrix (RSK-02); never written.",
    )
    strategy_id = fields.Many2one(
        "dealer.risk.strategy",
        string="Response",
        tracking=True,
        help="How the risk is answered; the company allows some per level "
        "(RSK-04 to RSK-06).",
    )
    allowed_strategy_ids = fields.Many2many(
        "dealer.risk.strategy", compute="_compute_allowed_strategy_ids"
    )
    strategy_allowed = fields.Boolean(
        string="Response fits the level",
        compute="_compute_strategy_allowed",
        store=True,
        help="False when the matrix or the settings changed since the response "
        "was chosen: choose a response the level allows.",
    )
    treatment = fields.Text(
        string="Response measures", help="What is done, by whom and by when."
    )
    state = fields.Selection(
        STATES,
        default="identified",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    last_assessed_date = fields.Date(readonly=True, copy=False)
    next_review_date = fields.Date(
        tracking=True,
        index=True,
        default=lambda self: fields.Date.context_today(self)
        + relativedelta(months=self.env.company.dealer_risk_assessment_months),
    )
    active = fields.Boolean(default=True)
    color = fields.Integer(compute="_compute_color")
    indicator_ids = fields.One2many("dealer.risk.indicator", "risk_id")
    incident_ids = fields.One2many("dealer.risk.incident", "risk_id")
    assessment_line_ids = fields.One2many("dealer.risk.assessment.line", "risk_id")
    incident_count = fields.Integer(compute="_compute_counts")
    indicator_count = fields.Integer(compute="_compute_counts")

    # ------------------------------------------------------------------ computes
    @api.depends("owner_id")
    def _compute_department(self):
        for risk in self:
            if risk.owner_id and not risk.department:
                risk.department = risk.owner_id._dealer_department()

    @api.depends("likelihood", "impact")
    def _compute_score(self):
        for risk in self:
            risk.score = risk.likelihood * risk.impact

    @api.depends("likelihood", "impact", "company_id.dealer_risk_cell_ids.level")
    def _compute_level(self):
        """RSK-02: the level of the company's matrix cell, read for every risk
        in one query (changing a cell re-levels the company's risks at once)."""
        cells = self.env["dealer.risk.matrix.cell"].search_fetch(
            [("company_id", "in", self.company_id.ids)],
            ["company_id", "likelihood", "impact", "level"],
        )
        matrix = {(c.company_id.id, c.likelihood, c.impact): c.level for c in cells}
        for risk in self:
            risk.level = matrix.get(
                (risk.company_id.id, risk.likelihood, risk.impact), False
            )

    @api.depends(
        "level",
        "company_id.dealer_risk_high_strategy_ids",
        "company_id.dealer_risk_medium_strategy_ids",
        "company_id.dealer_risk_low_strategy_ids",
    )
    def _compute_allowed_strategy_ids(self):
        for risk in self:
            risk.allowed_strategy_ids = risk.company_id._dealer_risk_allowed_strategies(
                risk.level
            )

    @api.depends(
        "level",
        "strategy_id",
        "company_id.dealer_risk_high_strategy_ids",
        "company_id.dealer_risk_medium_strategy_ids",
        "company_id.dealer_risk_low_strategy_ids",
    )
    def _compute_strategy_allowed(self):
        for risk in self:
            risk.strategy_allowed = (
                not risk.strategy_id
                or not risk.level
                or risk.strategy_id
                in risk.company_id._dealer_risk_allowed_strategies(risk.level)
            )

    @api.depends("level")
    def _compute_color(self):
        colors = {"high": 1, "medium": 2, "low": 10}
        for risk in self:
            risk.color = colors.get(risk.level, 0)

    def _compute_counts(self):
        for risk in self:
            risk.incident_count = len(risk.incident_ids)
            risk.indicator_count = len(risk.indicator_ids)

    # ------------------------------------------------------------------ checks
    @api.constrains("likelihood", "impact", "company_id")
    def _check_rating(self):
        for risk in self:
            company = risk.company_id
            for fname, scale in (
                ("likelihood", company.dealer_risk_likelihood_scale),
                ("impact", company.dealer_risk_impact_scale),
            ):
                if not 0 <= risk[fname] <= scale:
                    raise ValidationError(
                        self.env._(
                            "%(risk)s: %(field)s is rated from 1 to %(scale)s "
                            "(0 while not assessed) (rule RSK-02).",
                            risk=risk.name,
                            field=self._fields[fname]._description_string(self.env),
                            scale=scale,
                        )
                    )

    @api.constrains("strategy_id", "likelihood", "impact")
    def _check_strategy_fits_level(self):
        """RSK-04 to RSK-06: a response the risk's level allows (a high risk is
        not accepted). Checked when the response or the rating changes; a
        matrix change flags the risks it puts out of line instead."""
        for risk in self:
            if not risk.strategy_id or not risk.level:
                continue
            allowed = risk.company_id._dealer_risk_allowed_strategies(risk.level)
            if risk.strategy_id not in allowed:
                raise ValidationError(
                    self.env._(
                        "%(risk)s is a %(level)s risk: its response cannot be "
                        "%(strategy)s; the company allows %(allowed)s (rule "
                        "%(rule)s).",
                        risk=risk.name,
                        level=dict(
                            self._fields["level"]._description_selection(self.env)
                        )[risk.level],
                        strategy=risk.strategy_id.name,
                        allowed=", ".join(allowed.mapped("name")) or "-",
                        rule=LEVEL_RULES[risk.level],
                    )
                )

    # ------------------------------------------------------------------ rights
    def _dealer_is_risk_manager(self):
        user = self.env.user
        return self.env.su or any(user.has_group(group) for group in RISK_MANAGERS)

    def _dealer_check_may_manage(self):
        """The risk's owner, the Administration head and General Management
        move a risk on (RSK-07)."""
        if self._dealer_is_risk_manager():
            return
        for risk in self:
            if risk.owner_id != self.env.user:
                raise UserError(
                    self.env._(
                        "Only the owner of %(risk)s, the Administration Manager or "
                        "General Management move it on (rule RSK-07).",
                        risk=risk.name,
                    )
                )

    # ------------------------------------------------------------------ actions
    def _dealer_next_review(self):
        self.ensure_one()
        return fields.Date.context_today(self) + relativedelta(
            months=self.company_id.dealer_risk_assessment_months
        )

    def action_assess(self):
        """RSK-02: a risk is assessed once rated for likelihood and impact."""
        self._dealer_check_may_manage()
        for risk in self:
            if risk.state != "identified":
                raise UserError(
                    self.env._("%(risk)s is already assessed.", risk=risk.name)
                )
            if not (risk.likelihood and risk.impact):
                raise UserError(
                    self.env._(
                        "%(risk)s: rate its likelihood and impact before assessing "
                        "it (rule RSK-02).",
                        risk=risk.name,
                    )
                )
            risk._dealer_as_action().write(
                {
                    "state": "assessed",
                    "last_assessed_date": fields.Date.context_today(self),
                    "next_review_date": risk._dealer_next_review(),
                }
            )
        return True

    def action_treat(self):
        """RSK-04 to RSK-06: a response the level allows, and its measures."""
        self._dealer_check_may_manage()
        for risk in self:
            if risk.state != "assessed":
                raise UserError(
                    self.env._(
                        "%(risk)s: assess it before deciding its response.",
                        risk=risk.name,
                    )
                )
            if not risk.strategy_id or not has_words(risk.treatment):
                raise UserError(
                    self.env._(
                        "%(risk)s: choose a response and describe its measures "
                        "(rule %(rule)s).",
                        risk=risk.name,
                        rule=LEVEL_RULES.get(risk.level, "RSK-04"),
                    )
                )
            if not risk.strategy_allowed:
                risk._check_strategy_fits_level()
            risk._dealer_as_action().write({"state": "treated"})
        return True

    def action_close(self):
        self._dealer_check_may_manage()
        if any(risk.state == "closed" for risk in self):
            raise UserError(self.env._("The risk is already closed."))
        self._dealer_as_action().write({"state": "closed"})
        return True

    def action_reopen(self):
        """A closed risk that comes back is assessed again (RSK-01)."""
        self._dealer_check_may_manage()
        if any(risk.state != "closed" for risk in self):
            raise UserError(self.env._("Only a closed risk is reopened."))
        self._dealer_as_action().write({"state": "identified"})
        return True

    def action_view_incidents(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "dealer_risk.dealer_risk_incident_action"
        )
        action["domain"] = [("risk_id", "=", self.id)]
        action["context"] = {"default_risk_id": self.id}
        return action

    def action_view_indicators(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "dealer_risk.dealer_risk_indicator_action"
        )
        action["domain"] = [("risk_id", "=", self.id)]
        action["context"] = {"default_risk_id": self.id}
        return action

    # ------------------------------------------------------------------ reviews
    def _dealer_raise_review(self, reason):
        """Bring the risk's review forward to today and ask its owner for it
        (an indicator beyond its limit, a major incident: RSK-07, RSK-08)."""
        today = fields.Date.context_today(self)
        activity_type = self.env.ref("dealer_risk.mail_activity_type_risk_review")
        for risk in self:
            if not risk.next_review_date or risk.next_review_date > today:
                risk._dealer_as_action().write({"next_review_date": today})
            risk.activity_schedule(
                activity_type_id=activity_type.id,
                date_deadline=today,
                summary=_lt("Review the risk: %(reason)s", reason=reason),
                user_id=risk.owner_id.id,
            )
            risk.message_post(
                body=Markup("<p>%s</p>")
                % self.env._("Review raised: %(reason)s", reason=reason),
                subtype_xmlid="mail.mt_note",
            )
