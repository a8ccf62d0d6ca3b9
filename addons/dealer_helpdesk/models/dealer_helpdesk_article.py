# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.dealer_base.tools import has_words

from .governed_defaults import without_governed_defaults


class DealerHelpdeskArticle(models.Model):
    """KNW-04: a frequent question and its answer, for quick look-up."""

    _name = "dealer.helpdesk.article"
    _description = "Knowledge Base Article"
    _inherit = ["mail.thread", "dealer.governed.mixin"]
    _order = "use_count desc, name"
    _check_company_auto = True

    # KNW-04: where an article came from, and how often it answered, are set
    # by the knowledge base's own actions, not typed.
    _dealer_governed = {"source_ticket_id": "KNW-04", "use_count": "KNW-04"}

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
        "helpdesk.ticket.category",
        string="Ticket category",
        index=True,
        check_company=True,
    )
    keywords = fields.Char(help="Words customers use for this problem.")
    source_ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="From ticket",
        readonly=True,
        copy=False,
        check_company=True,
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

    @api.model
    def default_get(self, fields_list):
        this = without_governed_defaults(self)
        return super(DealerHelpdeskArticle, this).default_get(fields_list)

    @api.constrains("name", "answer")
    def _check_words(self):
        """KNW-04: a question and its answer, in words."""
        for article in self:
            for fname in ("name", "answer"):
                if not has_words(article[fname]):
                    raise ValidationError(
                        self.env._(
                            "%(field)s of a knowledge-base article needs words "
                            "(KNW-04).",
                            field=self._fields[fname]._description_string(self.env),
                        )
                    )
