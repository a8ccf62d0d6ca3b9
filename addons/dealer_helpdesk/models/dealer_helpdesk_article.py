# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class DealerHelpdeskArticle(models.Model):
    """KNW-04: a frequent question and its answer, for quick look-up."""

    _name = "dealer.helpdesk.article"
    _description = "Knowledge Base Article"
    _inherit = ["mail.thread"]
    _order = "use_count desc, name"
    _check_company_auto = True

    name = fields.Char(string="Question", required=True, tracking=True)
    answer = fields.Html(required=True)
    product_id = fields.Many2one(
        "product.product", string="Product", index=True, check_company=True
    )
    product_categ_id = fields.Many2one(
        "product.category",
        string="Product category",
        compute="_compute_product_categ_id",
        store=True,
        readonly=False,
        index=True,
    )
    category_id = fields.Many2one(
        "helpdesk.ticket.category", string="Ticket category", index=True
    )
    keywords = fields.Char(help="Words customers use for this problem.")
    source_ticket_id = fields.Many2one(
        "helpdesk.ticket", string="From ticket", readonly=True, copy=False
    )
    use_count = fields.Integer(
        string="Used", readonly=True, copy=False, help="Times it answered a ticket."
    )
    company_id = fields.Many2one(
        "res.company", default=lambda self: self.env.company, index=True
    )
    active = fields.Boolean(default=True)

    @api.depends("product_id")
    def _compute_product_categ_id(self):
        for article in self:
            if article.product_id:
                article.product_categ_id = article.product_id.categ_id
            elif not article.product_categ_id:
                article.product_categ_id = False
