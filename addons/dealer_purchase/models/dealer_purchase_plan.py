# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import plaintext2html

from odoo.addons.dealer_approval.tools import as_review_step
from odoo.addons.dealer_base.tools import has_words

# What a plan states besides its lines; frozen once it leaves draft (PUR-13).
PLAN_TERMS = ("date", "warehouse_id", "company_id", "budget")
# base_tier_validation's context keys that switch its write checks off: kept
# only for our own actions (issue 15; dealer_approval drops the first one too).


class DealerPurchasePlan(models.Model):
    """Needs of every department gathered into one plan, reviewed by the
    Purchasing Manager and approved by Administration before anything is
    ordered (PUR-01, PUR-02, PUR-12, PUR-13)."""

    _name = "dealer.purchase.plan"
    _description = "Purchase Plan"
    # dealer_approval: tier validation with the suite's safeguards (reviews
    # changed only by their reviewers, decisions in the chatter) and
    # dealer_base's guard; reviewed and approved from draft, kept once sent on
    # its way (drafts only may be deleted, PUR-13).
    _inherit = ["dealer.approval.request.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    _dealer_governed = {
        "state": "PUR-13",
        "user_id": "PUR-13",
        "amount_total": "PUR-13",
        "over_budget": "PUR-13",
        "reviewed_by_id": "PUR-13",
        "reviewed_on": "PUR-13",
        "approved_by_id": "PUR-13",
        "approved_on": "PUR-13",
        "cancel_reason": "PUR-13",
    }
    _dealer_approval_rule = "PUR-13"
    # Its own _validate_tier approves it once reviewed and approved.
    _dealer_approval_waiting_state = None
    # Who prepared the plan or asked for its approval: never its approver.
    _dealer_approval_author_fields = ("user_id", "create_uid")

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("approved", "Approved"),
            ("done", "Ordered"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        copy=False,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    user_id = fields.Many2one(
        "res.users",
        string="Prepared by",
        default=lambda self: self.env.user,
        readonly=True,
        tracking=True,
    )
    date = fields.Date(default=fields.Date.context_today, required=True)
    warehouse_id = fields.Many2one(
        "stock.warehouse",
        required=True,
        check_company=True,
        default=lambda self: self.env["stock.warehouse"].search(
            [("company_id", "=", self.env.company.id)], limit=1
        ),
    )
    line_ids = fields.One2many("dealer.purchase.plan.line", "plan_id", copy=True)
    amount_total = fields.Monetary(
        string="Estimated total", compute="_compute_amount_total", store=True
    )
    budget = fields.Monetary(
        default=lambda self: self.env.company.dealer_purchase_plan_budget,
        tracking=True,
        help="What the company budget allows for this plan (PUR-13).",
    )
    over_budget = fields.Boolean(compute="_compute_amount_total", store=True)
    note = fields.Text()
    # PUR-13: the department head's review and the superior's approval, as
    # recorded by the approvals themselves (not by the review records).
    reviewed_by_id = fields.Many2one(
        "res.users", string="Reviewed by", readonly=True, copy=False
    )
    reviewed_on = fields.Datetime(readonly=True, copy=False)
    approved_by_id = fields.Many2one(
        "res.users", string="Approved by", readonly=True, copy=False
    )
    approved_on = fields.Datetime(readonly=True, copy=False)
    cancel_reason = fields.Text(readonly=True, copy=False, tracking=True)
    purchase_ids = fields.Many2many(
        "purchase.order", compute="_compute_purchase_ids", string="Purchase Orders"
    )
    purchase_count = fields.Integer(compute="_compute_purchase_ids")

    @api.depends("line_ids.subtotal", "budget")
    def _compute_amount_total(self):
        for plan in self:
            plan.amount_total = sum(plan.line_ids.mapped("subtotal"))
            plan.over_budget = bool(plan.budget) and plan.amount_total > plan.budget

    @api.depends("line_ids.purchase_line_id")
    def _compute_purchase_ids(self):
        for plan in self:
            plan.purchase_ids = plan.line_ids.purchase_line_id.order_id
            plan.purchase_count = len(plan.purchase_ids)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code("dealer.purchase.plan") or "/"
                )
        return super().create(vals_list)

    # ------------------------------------------------------------------ checks
    @api.constrains("budget")
    def _check_budget(self):
        for plan in self:
            if plan.budget < 0:
                raise ValidationError(
                    self.env._(
                        "Plan %s: the budget cannot be negative (PUR-13).", plan.name
                    )
                )

    def write(self, vals):
        if not self._dealer_is_trusted() and set(vals) & set(PLAN_TERMS):
            # Under review the tier validation refuses it; once approved,
            # ordered or cancelled, the plan is kept as it was decided.
            locked = self.filtered(lambda p: p.state != "draft")
            for fname in set(vals) & set(PLAN_TERMS):
                if not all(
                    locked._dealer_same_value(rec, fname, vals[fname]) for rec in locked
                ):
                    raise UserError(
                        self.env._(
                            "Plan %(plan)s is approved, ordered or cancelled: its "
                            "%(field)s is kept; put it back to draft to change it "
                            "(PUR-13).",
                            plan=locked[0].name,
                            field=self._fields[fname]._description_string(self.env),
                        )
                    )
        return super().write(vals)

    def unlink(self):
        # The manual's refusal first (PUR-13), before the reviews are removed.
        self._unlink_except_dealer_kept()
        # dealer_approval removes a deleted draft's reviews as a review step;
        # base_tier_validation then removes them again from its cache, which
        # must be a review step too (else deleting a draft under review fails).
        return super(DealerPurchasePlan, as_review_step(self)).unlink()

    # ------------------------------------------------------------------ approval
    def _dealer_decision_fields(self, review):
        """The plan's record of ``review``'s decision: the Purchasing Manager's
        review, or Administration's approval."""
        group = review.definition_id.reviewer_group_id
        if group == self.env.ref("dealer_base.group_purchasing_manager"):
            return "reviewed_by_id", "reviewed_on"
        if group == self.env.ref("dealer_base.group_administration_manager"):
            return "approved_by_id", "approved_on"
        return None

    def _validate_tier(self, tiers=False):
        user = self.env.user
        # The reviews this user decides as a member of the definition's group
        # (the definition, not the review's own reviewer list, says who may);
        # each decision is also posted in the chatter by dealer_approval.
        genuine = (tiers or self.review_ids).filtered(
            lambda r: r.status in ("waiting", "pending")
            and r.definition_id.reviewer_group_id in user.groups_id
        )
        res = super()._validate_tier(tiers=tiers)
        # The tier mixin's computed flags have no dependencies: read them fresh.
        self.invalidate_recordset(["need_validation", "validation_status", "validated"])
        now = fields.Datetime.now()
        for review in genuine.filtered(
            lambda r: r.status == "approved" and r.done_by == user
        ):
            decision = self._dealer_decision_fields(review)
            if not decision:
                continue
            self._dealer_as_action().write({decision[0]: user.id, decision[1]: now})
        # Fully validated, reviewed and approved: the plan is approved at once.
        self.filtered(
            lambda p: p.state == "draft"
            and p.reviewed_by_id
            and p.approved_by_id
            and p.review_ids
            and all(review.status == "approved" for review in p.review_ids)
        )._dealer_as_action().write({"state": "approved"})
        return res

    @api.model
    def _get_under_validation_exceptions(self):
        # The approvals' own record is written while the plan is under review.
        return super()._get_under_validation_exceptions() + [
            "reviewed_by_id",
            "reviewed_on",
            "approved_by_id",
            "approved_on",
        ]

    def request_validation(self):
        for plan in self:
            if not plan.line_ids:
                raise UserError(
                    self.env._("Plan %s has no lines to approve.", plan.name)
                )
        return super().request_validation()

    def _dealer_check_may_change(self):
        """Purchasing cancels or reopens plans; anyone else only a draft plan
        of their own."""
        if self.env.user.has_group("dealer_base.group_purchasing_user"):
            return
        for plan in self:
            if plan.state != "draft" or plan.user_id != self.env.user:
                raise UserError(
                    self.env._(
                        "Only Purchasing cancels or reopens plan %s (PUR-13).",
                        plan.name,
                    )
                )

    def action_draft(self):
        """Back to draft to change an approved or cancelled plan: it is
        reviewed and approved again."""
        self._dealer_check_may_change()
        for plan in self:
            if plan.state not in ("approved", "cancel"):
                raise UserError(
                    self.env._("Plan %s cannot go back to draft now.", plan.name)
                )
        self._dealer_as_action().write(
            {
                "state": "draft",
                "reviewed_by_id": False,
                "reviewed_on": False,
                "approved_by_id": False,
                "approved_on": False,
                "cancel_reason": False,
            }
        )
        self.restart_validation()
        return True

    def action_cancel(self, reason=None):
        """Cancel a plan, with who and why (PUR-13): plans past draft are kept."""
        if reason is None:
            self.ensure_one()
            return self.env["dealer.purchase.reason.wizard"]._dealer_open(
                self, self.env._("Cancel Plan")
            )
        self._dealer_check_may_change()
        if any(plan.state in ("done", "cancel") for plan in self):
            raise UserError(
                self.env._("An ordered or cancelled plan cannot be cancelled.")
            )
        if not has_words(reason):
            raise ValidationError(
                self.env._("Cancel plan: write the reason in words (PUR-13).")
            )
        self._dealer_as_action().write(
            {"state": "cancel", "cancel_reason": reason.strip()}
        )
        for plan in self:
            plan._message_log(
                body=plaintext2html(
                    self.env._(
                        "Cancelled by %(user)s: %(reason)s",
                        user=self.env.user.name,
                        reason=reason.strip(),
                    )
                )
            )
        return True
