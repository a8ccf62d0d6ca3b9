# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.misc import clean_context


class DealerPriceChange(models.Model):
    """A sales price change: approved, announced, then applied on its date
    (SAL-17, SAL-18). Applied changes are the product's price history."""

    _name = "dealer.price.change"
    _description = "Price Change"
    _inherit = ["mail.thread", "mail.activity.mixin", "tier.validation"]
    _order = "effective_date desc, id desc"

    _state_from = ["draft"]
    _state_to = ["approved"]
    _tier_validation_manual_config = False

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
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    user_id = fields.Many2one(
        "res.users",
        string="Proposed by",
        default=lambda self: self.env.user,
        readonly=True,
    )
    product_tmpl_id = fields.Many2one(
        "product.template", string="Product", required=True, index=True, tracking=True
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

    @api.depends("product_tmpl_id")
    def _compute_current_price(self):
        for change in self:
            if change.state in (False, "draft"):
                change.current_price = change.product_tmpl_id.list_price

    @api.depends("current_price", "new_price", "company_id.dealer_price_admin_percent")
    def _compute_change_percent(self):
        for change in self:
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

    @api.constrains("effective_date", "new_price")
    def _check_values(self):
        today = fields.Date.context_today(self)
        for change in self.filtered(lambda c: c.state == "draft"):
            if change.effective_date < today:
                raise ValidationError(
                    self.env._(
                        "%s: a price change cannot take effect in the past.",
                        change.name,
                    )
                )
            if change.new_price <= 0:
                raise ValidationError(
                    self.env._("%s: the new price must be positive.", change.name)
                )

    # ------------------------------------------------------------------ approval
    def request_validation(self):
        for change in self:
            earliest = fields.Date.context_today(self) + timedelta(
                days=change.company_id.dealer_price_notice_days
            )
            if change.effective_date < earliest:
                raise UserError(
                    self.env._(
                        "%(name)s: customers are told %(days)s days ahead; it can "
                        "take effect on %(date)s at the earliest (SAL-18).",
                        name=change.name,
                        days=change.company_id.dealer_price_notice_days,
                        date=earliest,
                    )
                )
        return super().request_validation()

    def _dealer_check_not_author(self):
        for change in self:
            if self.env.user in (change.user_id, change.create_uid):
                raise UserError(
                    self.env._(
                        "%s: you proposed this price; someone else approves it "
                        "(SAL-17).",
                        change.name,
                    )
                )

    def validate_tier(self):
        self._dealer_check_not_author()
        return super().validate_tier()

    def _validate_tier(self, tiers=False):
        self._dealer_check_not_author()
        res = super()._validate_tier(tiers=tiers)
        self.invalidate_recordset(["need_validation", "validation_status", "validated"])
        approved = self.filtered(
            lambda c: c.state == "draft"
            and c.review_ids
            and all(review.status == "approved" for review in c.review_ids)
        )
        if approved:
            approved.write({"state": "approved"})
            approved._dealer_notify_customers()
        return res

    def _dealer_customers(self):
        """Customers who bought the product in the last twelve months."""
        self.ensure_one()
        since = fields.Datetime.now() - relativedelta(months=12)
        lines = (
            self.env["sale.order.line"]
            .sudo()
            .search(
                [
                    ("product_id.product_tmpl_id", "=", self.product_tmpl_id.id),
                    ("order_id.state", "=", "sale"),
                    ("order_id.date_order", ">=", since),
                    ("company_id", "=", self.company_id.id),
                ]
            )
        )
        return lines.order_id.partner_id.commercial_partner_id

    def _dealer_notify_customers(self):
        """SAL-18: the customers concerned hear of the new price in advance."""
        template = self.env.ref("dealer_sale.mail_template_price_change")
        # Called from the approval wizard: its defaults are not the composer's.
        self = self.with_env(self.env(context=clean_context(self.env.context)))
        for change in self:
            change.notified_partner_ids = change._dealer_customers()
            if change.notified_partner_ids:
                change.message_post_with_source(
                    template, subtype_xmlid="mail.mt_comment"
                )

    def action_cancel(self):
        if any(change.state == "applied" for change in self):
            raise UserError(self.env._("An applied price change stays in the history."))
        self.write({"state": "cancel"})
        return True

    def _dealer_apply(self):
        for change in self:
            change.product_tmpl_id.with_context(
                dealer_price_change_apply=True
            ).list_price = change.new_price
            change.write({"state": "applied", "applied_on": fields.Datetime.now()})

    @api.model
    def _cron_apply(self):
        """Apply approved changes whose day has come; safe to run twice."""
        today = fields.Date.context_today(self)
        self.search(
            [("state", "=", "approved"), ("effective_date", "<=", today)]
        )._dealer_apply()
        return True
