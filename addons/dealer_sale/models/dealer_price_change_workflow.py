# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.misc import clean_context

from odoo.addons.dealer_base.tools import has_words


class DealerPriceChange(models.Model):
    """The life of a price change (SAL-17, SAL-18): approved by someone other
    than its author, announced to the customers concerned, cancelled with the
    reason, applied on its date by the daily job."""

    _inherit = "dealer.price.change"

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

    def _dealer_approval_authors(self):
        # SAL-17: who proposed the price never approves it.
        return super()._dealer_approval_authors() | self.user_id | self.create_uid

    def _validate_tier(self, tiers=False):
        res = super()._validate_tier(tiers=tiers)
        self.invalidate_recordset(["need_validation", "validation_status", "validated"])
        approved = self.filtered(
            lambda c: c.state == "draft"
            and c.review_ids
            and all(review.status == "approved" for review in c.review_ids)
        )
        if approved:
            approved._dealer_as_action().write({"state": "approved"})
            approved._dealer_notify_customers()
        return res

    def _dealer_customers(self):
        """Customers who bought the product in the company's look-back
        (twelve months by default)."""
        self.ensure_one()
        months = (self.company_id or self.env.company).dealer_price_customer_months
        since = fields.Datetime.now() - relativedelta(months=months)
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
            change._dealer_as_action().write(
                {"notified_partner_ids": [(6, 0, change._dealer_customers().ids)]}
            )
            if change.notified_partner_ids:
                change.message_post_with_source(
                    template, subtype_xmlid="mail.mt_comment"
                )

    def action_cancel(self):
        """Cancel a draft, or an approved change before it applies (its
        customers were told: a Sales Manager decides), with the reason."""
        for change in self:
            if change.state not in ("draft", "approved"):
                raise UserError(
                    self.env._(
                        "%s: an applied price change stays in the history; only "
                        "draft or approved changes are cancelled.",
                        change.name,
                    )
                )
            if change.state == "approved" and not self.env.user.has_group(
                "dealer_base.group_sales_manager"
            ):
                raise UserError(
                    self.env._(
                        "%s was approved and announced: only a Sales Manager "
                        "cancels it (SAL-18).",
                        change.name,
                    )
                )
            if not has_words(change.cancel_reason):
                raise UserError(
                    self.env._(
                        "%s: write why it is cancelled first (SAL-17).", change.name
                    )
                )
        self._dealer_as_action().write(
            {
                "state": "cancel",
                "cancelled_by_id": self.env.user.id,
                "cancelled_on": fields.Datetime.now(),
            }
        )
        for change in self:
            change.message_post(
                body=self.env._(
                    "Price change cancelled by %(user)s: %(reason)s",
                    user=self.env.user.name,
                    reason=change.cancel_reason,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def _dealer_apply(self):
        """The one route to a product's sales price (SAL-17): an approved change
        applies on its date."""
        for change in self.filtered(lambda c: c.state == "approved"):
            change.product_tmpl_id._dealer_as_action().write(
                {"list_price": change.new_price}
            )
            change._dealer_as_action().write(
                {"state": "applied", "applied_on": fields.Datetime.now()}
            )

    @api.model
    def _cron_apply(self):
        """Apply approved changes whose day has come; safe to run twice."""
        today = fields.Date.context_today(self)
        self.search(
            [("state", "=", "approved"), ("effective_date", "<=", today)]
        )._dealer_apply()
        return True
