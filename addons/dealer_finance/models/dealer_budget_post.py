# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare

from odoo.addons.dealer_base.tools import policy_records


class DealerBudgetPost(models.Model):
    """A post's share of its department's annual cost budget (FIN-03): the
    posts of a budget never add up to more than the department's cost."""

    _name = "dealer.budget.post"
    _description = "Budget per Post"
    _order = "budget_id, job_id"

    budget_id = fields.Many2one(
        "mis.budget.by.account", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="budget_id.company_id", store=True)
    currency_id = fields.Many2one(related="budget_id.currency_id")
    job_id = fields.Many2one("hr.job", string="Post", required=True)
    amount = fields.Monetary(
        string="Annual cost budget", currency_field="currency_id", required=True
    )
    note = fields.Char()

    _sql_constraints = [
        (
            "budget_job_uniq",
            "UNIQUE (budget_id, job_id)",
            "A post appears once in a budget (rule FIN-03).",
        ),
    ]

    @api.constrains("amount", "budget_id")
    def _check_within_department(self):
        policy_records(self.budget_id)._dealer_check_posts()

    def _dealer_check_open(self, budgets):
        closed = policy_records(budgets).filtered(lambda b: b.state != "draft")
        if closed and not self.env.su:
            raise UserError(
                self.env._(
                    "Budget %(name)s is not a draft: its posts change only through "
                    "a revision (rule FIN-05).",
                    name=closed[0].display_name,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        self._dealer_check_open(
            self.env["mis.budget.by.account"].browse(
                {vals["budget_id"] for vals in vals_list if vals.get("budget_id")}
            )
        )
        return super().create(vals_list)

    def write(self, vals):
        self._dealer_check_open(self.budget_id)
        return super().write(vals)

    def unlink(self):
        self._dealer_check_open(self.budget_id)
        return super().unlink()


class MisBudgetByAccount(models.Model):
    _inherit = "mis.budget.by.account"

    dealer_post_ids = fields.One2many(
        "dealer.budget.post", "budget_id", string="Budgets per post", copy=True
    )

    def _dealer_check_posts(self):
        for budget in self:
            total = sum(budget.dealer_post_ids.mapped("amount"))
            if any(amount < 0 for amount in budget.dealer_post_ids.mapped("amount")):
                raise ValidationError(
                    self.env._(
                        "A post's budget is not negative (field Annual cost budget, "
                        "rule FIN-03)."
                    )
                )
            if (
                float_compare(
                    total,
                    budget.dealer_cost,
                    precision_rounding=budget.currency_id.rounding,
                )
                > 0
            ):
                raise ValidationError(
                    self.env._(
                        "Budget %(name)s: the posts add up to %(posts)s, more than "
                        "the department's cost budget %(cost)s (field Budgets per "
                        "post, rule FIN-03).",
                        name=budget.display_name,
                        posts=total,
                        cost=budget.dealer_cost,
                    )
                )

    def request_validation(self):
        # The lines may have shrunk since the posts were set.
        policy_records(self)._dealer_check_posts()
        return super().request_validation()
