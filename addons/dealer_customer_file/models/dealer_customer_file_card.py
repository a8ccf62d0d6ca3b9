# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError


class DealerCustomerFileCard(models.Model):
    """The customer data card (客户资料卡, CUS-11, CUS-12): the confidential
    part of a customer file. Record rules let only the file's custodians, its
    salesperson and holders of a live grant read it (CUS-17 to CUS-22); the
    custodians and the salesperson update it (CUS-10)."""

    _name = "dealer.customer.file.card"
    _description = "Customer Data Card"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "dealer.customer.file.confidential",
    ]
    _order = "id desc"
    # What the card belongs to decides who reads it (CUS-22): set by the
    # system when the file is opened, never changed.
    _dealer_governed = {
        "file_id": "CUS-22",
        "partner_id": "CUS-22",
        "company_id": "CUS-22",
    }

    file_id = fields.Many2one(
        "dealer.customer.file",
        string="Customer file",
        required=True,
        index=True,
        ondelete="cascade",
        readonly=True,
    )
    partner_id = fields.Many2one(related="file_id.partner_id", store=True)
    company_id = fields.Many2one(related="file_id.company_id", store=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    contact_ids = fields.One2many(
        "dealer.customer.file.contact", "card_id", string="Contact persons"
    )
    business_profile = fields.Text(
        help="Scale, business scope, decision process, competitors' presence.",
        tracking=True,
    )
    credit_limit = fields.Monetary(string="Agreed credit limit", tracking=True)
    payment_term_id = fields.Many2one(
        "account.payment.term", string="Agreed payment terms", tracking=True
    )
    credit_terms = fields.Text(
        string="Credit and payment arrangements",
        help="Guarantees, discounts, special conditions agreed with the customer.",
        tracking=True,
    )
    bank_details = fields.Text(string="Bank and invoicing details", tracking=True)
    notes = fields.Html()
    # CUS-15: the purchase history summary, from confirmed orders.
    order_count = fields.Integer(string="Orders", compute="_compute_purchase_summary")
    revenue_total = fields.Monetary(
        string="Revenue (all time)", compute="_compute_purchase_summary"
    )
    revenue_12m = fields.Monetary(
        string="Revenue (12 months)", compute="_compute_purchase_summary"
    )
    last_order_date = fields.Date(compute="_compute_purchase_summary")
    top_products = fields.Char(
        string="Most bought", compute="_compute_purchase_summary"
    )

    _sql_constraints = [
        ("file_uniq", "unique(file_id)", "A customer file has one data card.")
    ]

    def _dealer_files(self):
        return self.file_id

    @api.depends("file_id.name")
    def _compute_display_name(self):
        for card in self:
            card.display_name = self.env._(
                "%s data card", card.sudo().file_id.name or ""
            )

    @api.depends("partner_id", "company_id")
    def _compute_purchase_summary(self):
        """CUS-15: the customer's confirmed orders in the file's company, in
        the company's currency, read from the sales analysis (sale.report) the
        way core's report reads them."""
        now = fields.Datetime.now()
        summary = {}
        for company in self.company_id:
            since = now - relativedelta(months=company.dealer_file_lookback_months)
            cards = self.filtered(lambda c, co=company: c.company_id == co)
            # sudo: authorised readers of the card see the customer's history
            # even when their own sales rights are limited to their own orders
            # (or absent, for a grant); the sums stay within the file's
            # company and are converted to its currency by the report.
            report = self.env["sale.report"].sudo().with_company(company)
            base = [
                ("commercial_partner_id", "in", cards.partner_id.ids),
                ("company_id", "=", company.id),
                ("state", "=", "sale"),
            ]
            totals = {
                partner: (count, amount, last)
                for partner, count, amount, last in report._read_group(
                    base,
                    ["commercial_partner_id"],
                    [
                        "order_reference:count_distinct",
                        "price_subtotal:sum",
                        "date:max",
                    ],
                )
            }
            recent = dict(
                report._read_group(
                    [*base, ("date", ">=", since)],
                    ["commercial_partner_id"],
                    ["price_subtotal:sum"],
                )
            )
            products = {}
            for partner, product, qty in report._read_group(
                [*base, ("product_id", "!=", False)],
                ["commercial_partner_id", "product_id"],
                ["product_uom_qty:sum"],
            ):
                products.setdefault(partner, []).append((qty, product.display_name))
            for card in cards:
                partner = card.partner_id
                count, amount, last = totals.get(partner, (0, 0.0, False))
                top = sorted(products.get(partner, []), reverse=True)[:3]
                summary[card] = {
                    "order_count": count,
                    "revenue_total": amount,
                    "revenue_12m": recent.get(partner, 0.0),
                    "last_order_date": last and fields.Date.to_date(last),
                    "top_products": ", ".join(name for _qty, name in top),
                }
        for card in self:
            card.update(
                summary.get(
                    card,
                    {
                        "order_count": 0,
                        "revenue_total": 0.0,
                        "revenue_12m": 0.0,
                        "last_order_date": False,
                        "top_products": False,
                    },
                )
            )

    def _dealer_prune_followers(self):
        """Followers get the card's messages by email: only those who read
        the card follow it (CUS-22)."""
        for card in self.sudo():
            readers = card.file_id._dealer_readers().partner_id
            outsiders = card.message_partner_ids - readers
            if outsiders:
                card.message_unsubscribe(partner_ids=outsiders.ids)

    def _message_subscribe(self, partner_ids=None, subtype_ids=None, customer_ids=None):
        """Only people who read the card follow it: creating the customer,
        posting its first invoice or being added by a reader subscribes
        nobody else (CUS-22)."""
        if partner_ids:
            for card in self:
                readers = card.sudo().file_id._dealer_readers().partner_id
                allowed = [pid for pid in partner_ids if pid in readers.ids]
                super(DealerCustomerFileCard, card)._message_subscribe(
                    allowed,
                    subtype_ids=subtype_ids,
                    customer_ids=customer_ids
                    and [pid for pid in customer_ids if pid in allowed],
                )
            return True
        return super()._message_subscribe(
            partner_ids, subtype_ids=subtype_ids, customer_ids=customer_ids
        )

    def _notify_get_recipients(self, message, msg_vals, **kwargs):
        """Whoever lost access since they followed (a grant past its end, a
        custodian out of the custodian group) is not sent the message."""
        recipients = super()._notify_get_recipients(message, msg_vals, **kwargs)
        if not recipients:
            return recipients
        readers = self.sudo().file_id._dealer_readers().partner_id
        return [r for r in recipients if r["id"] in readers.ids]

    @api.ondelete(at_uninstall=False)
    def _unlink_except_kept(self):
        if not self.env.su:
            raise UserError(
                self.env._("A data card is kept with its customer file (CUS-08).")
            )

    def action_print_card(self):
        return self.env.ref(
            "dealer_customer_file.action_report_customer_data_card"
        ).report_action(self)
