# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import DealerHelpdeskCommon


@tagged("post_install", "-at_install")
class TestKnowledge(DealerHelpdeskCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Article = cls.env["dealer.helpdesk.article"]
        cls.ticket_category = cls.env["helpdesk.ticket.category"].create(
            {"name": "Drivers"}
        )
        cls.by_product = cls.Article.create(
            {
                "name": "Keys repeat twice",
                "answer": "<p>Update the keyboard firmware.</p>",
                "product_id": cls.keyboard.id,
            }
        )
        cls.by_categ = cls.Article.create(
            {
                "name": "Accessory not detected",
                "answer": "<p>Try another USB port.</p>",
                "product_categ_id": cls.category.id,
            }
        )
        cls.by_ticket_category = cls.Article.create(
            {
                "name": "Driver download",
                "answer": "<p>From our support page.</p>",
                "category_id": cls.ticket_category.id,
            }
        )
        cls.unrelated = cls.Article.create(
            {"name": "Router resets", "answer": "<p>Hold reset 10 s.</p>"}
        )

    def test_knw04_articles_suggested_by_product_and_category(self):
        """KNW-04: the ticket suggests articles of its product, its product's
        category and its ticket category, not the others."""
        ticket = self._ticket(
            "consultation",
            product_id=self.keyboard.id,
            category_id=self.ticket_category.id,
        )
        self.assertEqual(
            ticket.dealer_article_ids,
            self.by_product | self.by_categ | self.by_ticket_category,
        )
        self.assertEqual(self.by_categ.product_categ_id, self.category)
        self.assertEqual(self.by_product.product_categ_id, self.category)
        plain = self._ticket("consultation")
        self.assertFalse(plain.dealer_article_ids)

    def test_knw04_knowledge_base_searchable_from_the_ticket(self):
        """KNW-04: the ticket opens the knowledge base filtered on its product."""
        ticket = self._ticket("consultation", product_id=self.keyboard.id)
        action = ticket.action_view_articles()
        self.assertEqual(action["res_model"], "dealer.helpdesk.article")
        self.assertEqual(
            action["context"]["search_default_product_id"], self.keyboard.id
        )
        found = self.Article.search([("name", "ilike", "repeat")])
        self.assertEqual(found, self.by_product)

    def test_knw04_ticket_becomes_an_article(self):
        """KNW-04: a solved consultation is turned into an article."""
        ticket = self._ticket(
            "consultation", product_id=self.keyboard.id, name="Backlight is off"
        )
        with self.assertRaisesRegex(UserError, "KNW-04.*Diagnosis"):
            ticket.action_create_article()
        ticket.dealer_diagnosis = "Press Fn+F12 to turn the backlight on."
        article = self.Article.browse(ticket.action_create_article()["res_id"])
        self.assertEqual(article.name, "Backlight is off")
        self.assertEqual(article.product_id, self.keyboard)
        self.assertEqual(article.source_ticket_id, ticket)
        self.assertIn("Fn+F12", article.answer)
