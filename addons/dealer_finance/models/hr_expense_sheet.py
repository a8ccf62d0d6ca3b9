# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from odoo.addons.dealer_base.tools import policy_records


class HrExpenseSheet(models.Model):
    """The expense chain (FIN-06 to FIN-08) on hr_expense and OCA
    hr_expense_tier_validation, through dealer_approval's safeguards: the
    claimant's department head, then the office manager, then company
    Finance, plus General Management when the claim is large or exceeds the
    month's remaining budget of the department. The claimant never approves a
    tier of their own claim."""

    _name = "hr.expense.sheet"
    _inherit = ["hr.expense.sheet", "dealer.governed.mixin"]
    _dealer_approval_rule = "FIN-07"

    _dealer_governed = {
        "dealer_gm_required": "FIN-08",
        "dealer_gm_reason": "FIN-08",
        "dealer_office_escalated": "FIN-07",
        "dealer_finance_escalated": "FIN-07",
    }

    dealer_head_user_ids = fields.Many2many(
        "res.users",
        string="Department head",
        compute="_compute_dealer_head_user_ids",
        help="Who reviews first (FIN-07): the heads of the claimant's department "
        "(dealer_base's routing), never the claimant.",
    )
    dealer_gm_required = fields.Boolean(
        string="General Management approval",
        readonly=True,
        copy=False,
        tracking=True,
        help="Set on submission (FIN-08): the claim is large, or exceeds the "
        "month's remaining approved budget of the department.",
    )
    dealer_gm_reason = fields.Char(
        string="Why General Management", readonly=True, copy=False
    )
    dealer_office_escalated = fields.Boolean(
        string="Office manager tier escalated",
        readonly=True,
        copy=False,
        tracking=True,
        help="Set on submission (FIN-07): the claimant is the only office manager, "
        "so General Management approves in the office manager's place.",
    )
    dealer_finance_escalated = fields.Boolean(
        string="Finance tier escalated",
        readonly=True,
        copy=False,
        tracking=True,
        help="Set on submission (FIN-07): the claimant is the only member of "
        "company Finance, so General Management approves in Finance's place.",
    )
    dealer_over_cap = fields.Boolean(
        string="Above the travel caps",
        compute="_compute_dealer_over_cap",
        help="A hotel night or a day's per diem costs more than the cap of the "
        "trip's city tier and the traveller's grade (ADM-12).",
    )
    dealer_large = fields.Boolean(
        string="Large expense", compute="_compute_dealer_large"
    )
    dealer_preapproval_id = fields.Many2one(
        "dealer.expense.preapproval",
        string="Pre-approval",
        copy=False,
        index="btree_not_null",
        domain="[('employee_id', '=', employee_id), ('state', '=', 'approved')]",
        help="A large expense is approved by General Management before the claim "
        "(FIN-08).",
    )

    @api.depends("employee_id", "company_id")
    def _compute_dealer_head_user_ids(self):
        for sheet in self:
            claimant = sheet.employee_id.user_id
            key = claimant._dealer_department() if claimant else False
            heads = sheet.company_id._dealer_department_heads(key)
            sheet.dealer_head_user_ids = heads - claimant

    @api.depends("expense_line_ids.dealer_over_cap")
    def _compute_dealer_over_cap(self):
        for sheet in self:
            sheet.dealer_over_cap = any(
                sheet.expense_line_ids.mapped("dealer_over_cap")
            )

    def _dealer_sole_member(self, group_xmlid):
        """The sheets whose claimant is the only member of the group in the
        company (or it has none): nobody else could approve that group's
        tier (FIN-07), so General Management does."""
        members = self.env.ref(group_xmlid).sudo().users
        return self.filtered(
            lambda s: not (
                members.filtered(lambda u: s.company_id in u.company_ids)
                - s.employee_id.user_id
            )
        )

    def _dealer_sole_office_manager(self):
        return self._dealer_sole_member("dealer_finance.group_office_manager")

    def _dealer_sole_finance(self):
        return self._dealer_sole_member("dealer_finance.group_finance")

    @api.depends("total_amount", "company_id.dealer_expense_large_amount")
    def _compute_dealer_large(self):
        for sheet in self:
            limit = sheet.company_id.dealer_expense_large_amount
            sheet.dealer_large = bool(limit) and sheet.total_amount > limit

    def write(self, vals):
        # The guard speaks first: tier validation's write lock would refuse
        # a governed field too, without naming the rule.
        self._dealer_check_governed_write(vals)
        return super().write(vals)

    # ------------------------------------------------------------------ approval
    def _dealer_approval_authors(self):
        """The claimant, and whoever asked for the validation, never approve
        (FIN-07, ADM-25)."""
        return super()._dealer_approval_authors() | self.employee_id.user_id

    def _dealer_check_preapproval(self):
        """FIN-08: a large claim names an approved pre-approval of its
        employee, and the claims submitted on one pre-approval stay within
        its amount (one approval in advance is not spent twice)."""
        large = self.filtered("dealer_large")
        requests = large.dealer_preapproval_id
        spent = {}
        if requests:
            # Claims on one pre-approval are checked one at a time: two
            # submitted at once would each count the other as unspent.
            self.env.cr.execute(
                SQL(
                    "SELECT id FROM dealer_expense_preapproval WHERE id IN %s "
                    "FOR UPDATE",
                    tuple(requests.ids),
                )
            )
            # sudo: the sums of the claims already submitted on these
            # pre-approvals, whoever may read them.
            for request, total in self.sudo()._read_group(
                [
                    ("dealer_preapproval_id", "in", requests.ids),
                    ("id", "not in", self.ids),
                    ("state", "not in", ("draft", "cancel")),
                ],
                ["dealer_preapproval_id"],
                ["total_amount:sum"],
            ):
                spent[request.id] = total
        for sheet in large:
            request = sheet.dealer_preapproval_id
            used = spent.get(request.id, 0.0)
            if (
                request
                and request.state == "approved"
                and request.employee_id == sheet.employee_id
                and used
                and request.amount < used + sheet.total_amount
            ):
                raise UserError(
                    self.env._(
                        "Pre-approval %(request)s (%(amount)s) is already used by "
                        "claims of %(used)s: %(name)s (%(total)s) needs a new "
                        "pre-approval (field Pre-approval, rule FIN-08).",
                        request=request.name,
                        amount=request.amount,
                        used=used,
                        name=sheet.name,
                        total=sheet.total_amount,
                    )
                )
            spent[request.id] = used + sheet.total_amount
            if (
                not request
                or request.state != "approved"
                or request.employee_id != sheet.employee_id
                or request.amount < sheet.total_amount
            ):
                raise UserError(
                    self.env._(
                        "%(name)s is a large expense (%(amount)s, above %(limit)s): "
                        "it needs an approved pre-approval of %(employee)s covering "
                        "it before the claim (field Pre-approval, rule FIN-08).",
                        name=sheet.name,
                        amount=sheet.total_amount,
                        limit=sheet.company_id.dealer_expense_large_amount,
                        employee=sheet.employee_id.name,
                    )
                )

    def _dealer_gm_decision(self):
        """(required, reason) for each sheet: large, above the travel caps
        (ADM-12), claimed by the only office manager (FIN-07), or above the
        month's remaining approved budget of its department (FIN-08). Two
        grouped queries per department and claim, whatever the number of
        budget lines."""
        Budget = self.env["mis.budget.by.account"]
        sole = self._dealer_sole_office_manager()
        sole_finance = self._dealer_sole_finance()
        decisions = {}
        for sheet in self:
            if sheet.dealer_large:
                decisions[sheet] = (
                    True,
                    self.env._("Large expense (above %s)")
                    % sheet.company_id.dealer_expense_large_amount,
                )
                continue
            if sheet.dealer_over_cap:
                decisions[sheet] = (True, self.env._("Above the travel caps"))
                continue
            if sheet in sole:
                decisions[sheet] = (
                    True,
                    self.env._("Claimed by the only office manager"),
                )
                continue
            if sheet in sole_finance:
                decisions[sheet] = (
                    True,
                    self.env._("Claimed by the only member of Finance"),
                )
                continue
            claimed = {}
            for expense in sheet.expense_line_ids:
                month = fields.Date.start_of(expense.date, "month")
                claimed[month] = claimed.get(month, 0.0) + expense.total_amount
            remaining = Budget._dealer_month_remaining(
                sheet.department_id, list(claimed), exclude_sheets=sheet
            )
            over = sorted(
                month
                for month, amount in claimed.items()
                if amount > remaining.get(month, 0.0)
            )
            decisions[sheet] = (
                bool(over),
                over
                and self.env._(
                    "Above the remaining budget of %(department)s for %(month)s",
                    department=sheet.department_id.name or "-",
                    month=over[0].strftime("%Y-%m"),
                ),
            )
        return decisions

    def _do_submit(self):
        """Submission (FIN-06 to FIN-08, ADM-13): the vouchers, the trips and
        the pre-approval are checked, then the validation is requested at
        once, with General Management's tier when needed."""
        # A company that does not run by the manual keeps OCA's behaviour.
        sheets = policy_records(self)
        sheets.expense_line_ids._dealer_check_voucher()
        sheets.expense_line_ids._dealer_check_travel()
        sheets._dealer_check_preapproval()
        sole = sheets._dealer_sole_office_manager()
        sole_finance = sheets._dealer_sole_finance()
        for sheet, (required, reason) in sheets._dealer_gm_decision().items():
            sheet._dealer_as_action().write(
                {
                    "dealer_gm_required": required,
                    "dealer_gm_reason": reason or False,
                    "dealer_office_escalated": sheet in sole,
                    "dealer_finance_escalated": sheet in sole_finance,
                }
            )
        res = super()._do_submit()
        # tier validation's need_validation has no dependencies: read it fresh.
        sheets.invalidate_recordset(["need_validation"])
        sheets.filtered(lambda s: not s.review_ids).request_validation()
        return res
