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

    @api.depends("partner_id")
    def _compute_purchase_summary(self):
        # Authorised readers see the summary even when their sales rights are
        # limited to their own orders: the card is the customer's history.
        lines = self.env["sale.order.line"].sudo()
        since = fields.Datetime.now() - relativedelta(months=12)
        base = [
            ("order_id.state", "=", "sale"),
            ("order_partner_id", "child_of", self.partner_id.ids),
            ("display_type", "=", False),
        ]
        orders = self.env["sale.order"].sudo()
        summed = {}
        for partner, count, amount, last in orders._read_group(
            [("state", "=", "sale"), ("partner_id", "child_of", self.partner_id.ids)],
            ["partner_id"],
            ["__count", "amount_untaxed:sum", "date_order:max"],
        ):
            key = partner.commercial_partner_id
            prev_count, prev_amount, prev_last = summed.get(key, (0, 0.0, False))
            summed[key] = (
                prev_count + count,
                prev_amount + amount,
                max(filter(None, [prev_last, last]), default=False),
            )
        recent = {}
        for partner, amount in orders._read_group(
            [
                ("state", "=", "sale"),
                ("partner_id", "child_of", self.partner_id.ids),
                ("date_order", ">=", since),
            ],
            ["partner_id"],
            ["amount_untaxed:sum"],
        ):
            key = partner.commercial_partner_id
            recent[key] = recent.get(key, 0.0) + amount
        products = {}
        for partner, product, qty in lines._read_group(
            base, ["order_partner_id", "product_id"], ["product_uom_qty:sum"]
        ):
            products.setdefault(partner.commercial_partner_id, []).append(
                (qty, product.display_name)
            )
        for card in self:
            partner = card.partner_id
            count, amount, last = summed.get(partner, (0, 0.0, False))
            card.order_count = count
            card.revenue_total = amount
            card.revenue_12m = recent.get(partner, 0.0)
            card.last_order_date = last and fields.Date.to_date(last)
            top = sorted(products.get(partner, []), reverse=True)[:3]
            card.top_products = ", ".join(name for _qty, name in top)

    def _dealer_prune_followers(self):
        """Followers get the card's tracked changes by email: whoever no longer
        reads the card stops following it (CUS-22)."""
        # Followers of a card are not readable by those who lost access.
        for card in self.sudo():
            file = card.file_id
            live = file.grant_ids.filtered(lambda g: g.state == "active").user_id
            allowed = (file.custodian_ids | file.user_id | live).partner_id
            outsiders = card.message_partner_ids - allowed
            if outsiders:
                card.message_unsubscribe(partner_ids=outsiders.ids)

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
