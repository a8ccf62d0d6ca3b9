# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class MisBudgetByAccountItem(models.Model):
    _inherit = "mis.budget.by.account.item"

    # Labels users see, said again for this addon's translations.
    name = fields.Char(string="Label")
    budget_id = fields.Many2one(string="Budget")
    account_id = fields.Many2one(string="Account")
    date_from = fields.Date(string="From")
    date_to = fields.Date(string="To")
    debit = fields.Monetary(string="Debit")  # pylint: disable=attribute-string-redundant
    credit = fields.Monetary(string="Credit")  # pylint: disable=attribute-string-redundant
    balance = fields.Monetary(string="Balance")  # pylint: disable=attribute-string-redundant

    def _dealer_check_budget_open(self, budgets):
        closed = budgets.filtered(lambda b: b.state != "draft")
        if closed and not self.env.su:
            raise UserError(
                self.env._(
                    "Budget %(name)s is %(state)s: its lines change only through a "
                    "revision approved by General Management (rule FIN-05).",
                    name=closed[0].display_name,
                    state=dict(
                        closed._fields["state"]._description_selection(self.env)
                    ).get(closed[0].state),
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        self._dealer_check_budget_open(
            self.env["mis.budget.by.account"].browse(
                {vals.get("budget_id") for vals in vals_list if vals.get("budget_id")}
            )
        )
        return super().create(vals_list)

    def write(self, vals):
        budgets = self.budget_id
        if vals.get("budget_id"):
            budgets |= budgets.browse(vals["budget_id"])
        self._dealer_check_budget_open(budgets)
        return super().write(vals)

    def unlink(self):
        self._dealer_check_budget_open(self.budget_id)
        return super().unlink()
