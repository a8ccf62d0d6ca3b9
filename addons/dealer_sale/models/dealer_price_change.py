# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.dealer_base.tools import has_words

# What was proposed and reviewed: changed only while the change is a draft.
DRAFT_FIELDS = (
    "product_tmpl_id",
    "new_price",
    "effective_date",
    "reason",
    "market_price",
    "competitor_price",
    "company_id",
)


class DealerPriceChange(models.Model):
    """A sales price change: approved, announced, then applied on its date
    (SAL-17, SAL-18). Applied changes are the product's price history."""

    _name = "dealer.price.change"
    _description = "Price Change"
    # dealer_approval: reviewed before it is approved, never by its author;
    # kept once submitted (the product's price history, SAL-17).
    _inherit = ["dealer.approval.request.mixin"]
    _order = "effective_date desc, id desc"
    _check_company_auto = True

    # Changed only by the change's own actions (dealer_base's guard): its state
    # moves by approval, cancellation and application; its author, the price
    # it starts from, the percentage that decides Administration's review and
    # the customers told are facts of the change (SAL-17, SAL-18).
    _dealer_governed = {
        "state": "SAL-17",
        "user_id": "SAL-17",
        "current_price": "SAL-17",
        "change_percent": "SAL-17",
        "admin_approval_required": "SAL-17",
        "applied_on": "SAL-17",
        "cancelled_by_id": "SAL-17",
        "cancelled_on": "SAL-17",
        "notified_partner_ids": "SAL-18",
    }
    _dealer_approval_rule = "SAL-17"
    # Its own _validate_tier approves it, and tells the customers.
    _dealer_approval_waiting_state = None

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("approved", "Approved"),
            ("applied", "Applied"),
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
        string="Proposed by",
        default=lambda self: self.env.user,
        readonly=True,
    )
    product_tmpl_id = fields.Many2one(
        "product.template",
        string="Product",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
    )
    current_price = fields.Monetary(
        string="Price before",
        compute="_compute_current_price",
        store=True,
        readonly=True,
    )
    new_price = fields.Monetary(required=True, tracking=True)
    change_percent = fields.Float(
        string="Change (%)", compute="_compute_change_percent", store=True
    )
    admin_approval_required = fields.Boolean(
        compute="_compute_change_percent",
        store=True,
        help="Above the settings' percentage, Administration approves too.",
    )
    cost = fields.Float(related="product_tmpl_id.standard_price", string="Cost")
    margin_percent = fields.Float(
        string="Margin (%)", compute="_compute_margin_percent"
    )
    market_price = fields.Monetary(string="Market price")
    competitor_price = fields.Monetary(string="Competitor price")
    reason = fields.Text(required=True, tracking=True)
    effective_date = fields.Date(required=True, tracking=True)
    notified_partner_ids = fields.Many2many(
        "res.partner", string="Customers notified", readonly=True, copy=False
    )
    applied_on = fields.Datetime(readonly=True, copy=False)
    cancel_reason = fields.Text(
        string="Cancellation reason",
        tracking=True,
        copy=False,
        help="Why the change is cancelled: required to cancel it.",
    )
    cancelled_by_id = fields.Many2one(
        "res.users", string="Cancelled by", readonly=True, copy=False
    )
    cancelled_on = fields.Datetime(readonly=True, copy=False)

    def _dealer_price_frozen(self):
        """Settings apply forward: once reviewed or past draft, the figures the
        approval was decided on are kept."""
        self.ensure_one()
        origin = self._origin
        return bool(origin) and (origin.state != "draft" or bool(origin.review_ids))

    @api.depends("product_tmpl_id", "product_tmpl_id.list_price")
    def _compute_current_price(self):
        for change in self:
            if not change._dealer_price_frozen():
                change.current_price = change.product_tmpl_id.list_price

    # The company's percentage is no dependency: saving the settings recomputes
    # draft changes not yet under review only (res.company.write).
    @api.depends("current_price", "new_price", "company_id")
    def _compute_change_percent(self):
        for change in self:
            if change._dealer_price_frozen():
                continue
            percent = (
                (change.new_price - change.current_price) / change.current_price * 100
                if change.current_price
                else 100.0
            )
            change.change_percent = round(percent, 2)
            change.admin_approval_required = (
                abs(percent) >= change.company_id.dealer_price_admin_percent
            )

    @api.depends("new_price", "cost")
    def _compute_margin_percent(self):
        for change in self:
            change.margin_percent = (
                round((change.new_price - change.cost) / change.new_price * 100, 1)
                if change.new_price
                else 0.0
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code("dealer.price.change") or "/"
                )
        return super().create(vals_list)

    @api.constrains(
        "effective_date", "new_price", "market_price", "competitor_price", "reason"
    )
    def _check_values(self):
        today = fields.Date.context_today(self)
        for change in self.filtered(lambda c: c.state == "draft"):
            if not has_words(change.reason):
                raise ValidationError(
                    self.env._(
                        "%(name)s: %(field)s must say why the price changes "
                        "(SAL-17).",
                        name=change.name,
                        field=self._fields["reason"]._description_string(self.env),
                    )
                )
            if change.effective_date < today:
                raise ValidationError(
                    self.env._(
                        "%(name)s: %(field)s cannot be in the past (SAL-18).",
                        name=change.name,
                        field=self._fields["effective_date"]._description_string(
                            self.env
                        ),
                    )
                )
            if change.new_price <= 0:
                raise ValidationError(
                    self.env._(
                        "%(name)s: %(field)s must be positive (SAL-17).",
                        name=change.name,
                        field=self._fields["new_price"]._description_string(self.env),
                    )
                )
            for fname in ("market_price", "competitor_price"):
                if change[fname] < 0:
                    raise ValidationError(
                        self.env._(
                            "%(name)s: %(field)s cannot be negative (SAL-17).",
                            name=change.name,
                            field=self._fields[fname]._description_string(self.env),
                        )
                    )

    def write(self, vals):
        if not self._dealer_is_trusted():
            # Before the tier mixin, which would try to validate a state write.
            self._dealer_check_governed_write(vals)
            self._dealer_check_draft_fields(vals)
        return super().write(vals)

    @api.model
    def _get_under_validation_exceptions(self):
        # The reason for a cancellation is written while the change is reviewed.
        return super()._get_under_validation_exceptions() + ["cancel_reason"]

    @api.model
    def _get_after_validation_exceptions(self):
        return super()._get_after_validation_exceptions() + ["cancel_reason"]

    def _dealer_check_draft_fields(self, vals):
        """SAL-17: what was proposed and approved is what applies; the reason
        for a cancellation is kept with it."""
        frozen = {
            fname: self.filtered(lambda c: c.state != "draft") for fname in DRAFT_FIELDS
        }
        frozen["cancel_reason"] = self.filtered(
            lambda c: c.state in ("cancel", "applied")
        )
        for fname in vals.keys() & frozen.keys():
            for change in frozen[fname]:
                if not self._dealer_same_value(change, fname, vals[fname]):
                    raise UserError(
                        self.env._(
                            "%(name)s is %(state)s: its %(field)s no longer "
                            "changes (SAL-17).",
                            name=change.name,
                            state=dict(
                                self._fields["state"]._description_selection(self.env)
                            )[change.state],
                            field=self._fields[fname]._description_string(self.env),
                        )
                    )

    def _dealer_kept_records(self):
        # A draft that went to review keeps its reviewers' decisions.
        return super()._dealer_kept_records() | self.filtered("review_ids")

    def unlink(self):
        # Checked before the tier mixin deletes the reviews it is kept for.
        self._unlink_except_dealer_kept()
        return super().unlink()
