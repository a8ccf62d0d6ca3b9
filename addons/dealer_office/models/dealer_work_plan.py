# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.dealer_base.tools import DEPARTMENTS, has_words

PLAN_LEVELS = [
    ("year", "Annual"),
    ("month", "Monthly"),
    ("week", "Weekly"),
    ("day", "Daily"),
    ("activity", "Activity"),
]


class DealerWorkPlan(models.Model):
    """A department's work plan by level (ORG-14, ORG-17): the annual plan,
    and the monthly, weekly and daily plans derived from it; each line has a
    target, a result and a review; a plan is done when every line is
    reviewed."""

    _name = "dealer.work.plan"
    _description = "Work Plan"
    _inherit = ["mail.thread", "mail.activity.mixin", "dealer.governed.mixin"]
    _order = "date_from desc, id desc"
    _check_company_auto = True

    _dealer_governed = {"state": "ORG-14"}
    _dealer_keep_rule = "ORG-14"
    _dealer_deletable_states = ("draft",)

    name = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda s: s.env.company
    )
    department = fields.Selection(DEPARTMENTS, required=True, tracking=True)
    level = fields.Selection(PLAN_LEVELS, required=True, default="month")
    owner_id = fields.Many2one(
        "res.users",
        string="Responsible",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
    )
    parent_id = fields.Many2one(
        "dealer.work.plan",
        string="Derived from",
        check_company=True,
        help="The plan of the level above this one breaks down (ORG-17).",
    )
    date_from = fields.Date(string="From", required=True)
    date_to = fields.Date(string="To", required=True)
    state = fields.Selection(
        [("draft", "Draft"), ("open", "In progress"), ("done", "Reviewed")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
    )
    line_ids = fields.One2many("dealer.work.plan.line", "plan_id", string="Targets")
    objective = fields.Text(
        help="What the activity (training, seminar, exhibition) is for (ADM-10)."
    )
    place = fields.Char(help="Where the activity takes place (ADM-10).")

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for plan in self:
            if plan.date_to < plan.date_from:
                raise ValidationError(
                    self.env._("%s: the plan ends after it starts.", plan.name)
                )

    def action_open(self):
        for plan in self:
            if plan.state != "draft" or not plan.line_ids:
                raise UserError(
                    self.env._(
                        "%s: a draft plan with at least one target starts.", plan.name
                    )
                )
            if plan.level == "activity" and not (
                has_words(plan.objective) and has_words(plan.place)
            ):
                raise ValidationError(
                    self.env._(
                        "%s: an activity's plan states its objective and place, "
                        "its content as targets and its time as From and To "
                        "(Objective, Place, ADM-10).",
                        plan.name,
                    )
                )
        self._dealer_as_action().write({"state": "open"})
        return True

    def _dealer_check_done(self):
        """ORG-14: the plan is reviewed once every line is."""
        self.filtered(
            lambda p: p.state == "open" and all(p.line_ids.mapped("closed"))
        )._dealer_as_action().write({"state": "done"})


class DealerWorkPlanLine(models.Model):
    """A target of a plan: the result reached, then a review score and comment
    without which it does not close (ORG-14)."""

    _name = "dealer.work.plan.line"
    _description = "Work Plan Target"
    _inherit = ["dealer.governed.mixin"]
    _order = "plan_id, sequence, id"

    _dealer_governed = {
        "closed": "ORG-14",
        "reviewer_id": "ORG-14",
        "date_reviewed": "ORG-14",
    }

    plan_id = fields.Many2one(
        "dealer.work.plan", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Target", required=True)
    target_value = fields.Float(string="Target figure")
    result = fields.Text()
    result_value = fields.Float(string="Result figure")
    review_score = fields.Selection(
        [("1", "1"), ("2", "2"), ("3", "3"), ("4", "4"), ("5", "5")],
        string="Review score",
    )
    review_comment = fields.Text()
    closed = fields.Boolean(readonly=True)
    reviewer_id = fields.Many2one("res.users", string="Reviewed by", readonly=True)
    date_reviewed = fields.Date(string="Reviewed on", readonly=True)

    def write(self, vals):
        if not self._dealer_is_trusted() and self.filtered("closed"):
            raise UserError(self.env._("A reviewed target is not changed (ORG-14)."))
        return super().write(vals)

    def action_close(self):
        """ORG-14: closed with its result, review score and comment, by the
        plan's reviewer (the department head), never by its owner alone."""
        user = self.env.user
        for line in self:
            plan = line.plan_id
            if plan.state != "open":
                raise UserError(
                    self.env._("%s: only a plan in progress is reviewed.", plan.name)
                )
            if not (
                has_words(line.result)
                and line.review_score
                and has_words(line.review_comment)
            ):
                raise ValidationError(
                    self.env._(
                        "%s: the result, a review score and a review comment "
                        "are required to close a target (ORG-14).",
                        line.name,
                    )
                )
            if not (
                self.env.su
                or user.has_group(f"dealer_base.group_{plan.department}_manager")
                or user.has_group("dealer_base.group_general_management")
            ):
                raise UserError(
                    self.env._(
                        "%s: the department head reviews the plan's targets "
                        "(ORG-14).",
                        line.name,
                    )
                )
        self._dealer_as_action().write(
            {
                "closed": True,
                "reviewer_id": user.id,
                "date_reviewed": fields.Date.context_today(self),
            }
        )
        self.plan_id._dealer_check_done()
        return True
