# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""KNW-04: knowledge-base articles suggested on the ticket, searched from
it, and written from a solved ticket."""

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.dealer_base.tools import has_words


class HelpdeskTicket(models.Model):
    # One file per concern of the ticket (issue 18), not one class per model.
    _inherit = "helpdesk.ticket"  # pylint: disable=consider-merging-classes-inherited

    # KNW-04: articles for this product or category.
    dealer_article_ids = fields.Many2many(
        "dealer.helpdesk.article",
        string="Suggested articles",
        compute="_compute_dealer_article_ids",
    )

    @api.depends("product_id", "category_id")
    def _compute_dealer_article_ids(self):
        Article = self.env["dealer.helpdesk.article"]
        for ticket in self:
            domain = ticket._dealer_article_domain()
            ticket.dealer_article_ids = (
                Article.search(domain, limit=10) if domain else Article
            )

    def _dealer_article_domain(self):
        """KNW-04: articles of the same product, product category or ticket
        category."""
        self.ensure_one()
        parts = []
        if self.product_id:
            parts.append([("product_id", "=", self.product_id.id)])
            parts.append(
                [
                    ("product_id", "=", False),
                    ("product_categ_id", "=", self.product_id.categ_id.id),
                ]
            )
        if self.category_id:
            parts.append([("category_id", "=", self.category_id.id)])
        if not parts:
            return []
        domain = ["|"] * (len(parts) - 1)
        for part in parts:
            domain += ["&"] * (len(part) - 1) + part
        return domain

    def action_view_articles(self):
        """KNW-04: search the knowledge base from the ticket."""
        self.ensure_one()
        context = {}
        if self.product_id:
            context["search_default_product_id"] = self.product_id.id
        elif self.category_id:
            context["search_default_category_id"] = self.category_id.id
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Knowledge base"),
            "res_model": "dealer.helpdesk.article",
            "view_mode": "list,form",
            "context": context,
        }

    def action_create_article(self):
        """KNW-04: a solved question becomes a knowledge-base article."""
        self.ensure_one()
        answer = next(
            (
                text
                for text in (self.dealer_diagnosis, self.dealer_corrective_action)
                if has_words(text)
            ),
            False,
        )
        if not answer:
            raise UserError(
                self.env._(
                    "KNW-04: write the Diagnosis of %(ticket)s first: it becomes "
                    "the article's answer.",
                    ticket=self.display_name,
                )
            )
        self.env["dealer.helpdesk.article"].check_access("create")
        # The article records the ticket it came from (KNW-04).
        article = (
            self._dealer_as_action()
            .env["dealer.helpdesk.article"]
            .create(
                {
                    "name": self.name,
                    "answer": answer,
                    "product_id": self.product_id.id,
                    "category_id": self.category_id.id,
                    "source_ticket_id": self.id,
                    "company_id": self.company_id.id,
                }
            )
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "dealer.helpdesk.article",
            "res_id": article.id,
            "view_mode": "form",
        }
