# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import SECRET, DealerCustomerFileCommon

REPORT = "dealer_customer_file.action_report_customer_data_card"


@tagged("post_install", "-at_install")
class TestConfidentiality(DealerCustomerFileCommon):
    """CUS-22, CUS-23: the data card, its contact persons and its attachments
    are refused by the ORM to whoever is neither custodian, nor responsible
    salesperson, nor holder of a live grant, by every route."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.card.sudo().message_post(body=f"<p>Negotiated: {SECRET}</p>")
        cls.message = cls.card.sudo().message_ids[:1]

    def _outsiders(self):
        # A salesperson of other customers, a technician, and the Administrator
        # (in every group, but custodian of nothing here).
        return self.other_sales | self.technician | self.env.ref("base.user_admin")

    # ------------------------------------------------------------ refusals
    def test_cus_22_form_and_read_refused(self):
        for user in self._outsiders():
            card = self.card.with_user(user)
            with self.assertRaises(AccessError, msg=user.login):
                card.web_read({"credit_terms": {}, "contact_ids": {}})
            with self.assertRaises(AccessError, msg=user.login):
                card.read(["bank_details"])
            with self.assertRaises(AccessError, msg=user.login):
                self.card.contact_ids.with_user(user).read(["mobile"])

    def test_cus_22_list_and_rpc_search_read_find_nothing(self):
        for user in self._outsiders():
            Card = self.env["dealer.customer.file.card"].with_user(user)
            self.assertFalse(Card.search_read([], ["credit_terms"]))
            self.assertFalse(Card.web_search_read([], {"credit_terms": {}})["records"])
            Contact = self.env["dealer.customer.file.contact"].with_user(user)
            self.assertFalse(Contact.search_read([], ["mobile", "birthday"]))

    def test_cus_22_search_does_not_reveal_content(self):
        domain = [("card_ids.credit_terms", "ilike", "Guarantee")]
        Files = self.env["dealer.customer.file"]
        self.assertEqual(Files.with_user(self.salesperson).search(domain), self.file)
        for user in self._outsiders():
            self.assertFalse(Files.with_user(user).search(domain), user.login)

    def test_cus_22_export_refused(self):
        user = self.technician
        with self.assertRaises(AccessError):
            self.card.with_user(user).export_data(["credit_terms"])
        rows = self.file.with_user(user).export_data(
            ["name", "card_ids/credit_terms", "card_ids/contact_ids/mobile"]
        )["datas"]
        self.assertNotIn(SECRET, str(rows))
        self.assertNotIn("138 0000 0001", str(rows))

    def test_cus_22_report_refused(self):
        with self.assertRaises(AccessError):
            self.env["ir.actions.report"].with_user(self.technician)._render_qweb_html(
                REPORT, self.card.ids
            )

    def test_cus_22_chatter_refused(self):
        Message = self.env["mail.message"].with_user(self.technician)
        self.assertFalse(Message.search([("model", "=", self.card._name)]))
        with self.assertRaises(AccessError):
            self.message.with_user(self.technician).read(["body"])
        with self.assertRaises(AccessError):
            self.card.with_user(self.technician).mapped("message_ids")

    def test_cus_22_mail_composer_refused(self):
        composer = (
            self.env["mail.compose.message"]
            .with_user(self.technician)
            .create(
                {
                    "model": self.card._name,
                    "res_ids": self.card.ids,
                    "body": "<p>{{ object.credit_terms }}</p>",
                    "composition_mode": "comment",
                }
            )
        )
        with self.assertRaises(AccessError):
            composer._action_send_mail()
        # A template on the register entry renders nothing of the card.
        template = self.env["mail.template"].create(
            {
                "name": "Probe",
                "model_id": self.env["ir.model"]._get_id("dealer.customer.file"),
                "body_html": '<p><t t-out="object.card_ids.credit_terms"/></p>',
            }
        )
        rendered = template.with_user(self.technician)._render_field(
            "body_html", self.file.ids
        )[self.file.id]
        self.assertNotIn(SECRET, str(rendered))
        # Another user in the same transaction: start from a fresh cache, as a
        # new request would.
        self.env.invalidate_all()
        allowed = template.with_user(self.salesperson)._render_field(
            "body_html", self.file.ids
        )[self.file.id]
        self.assertIn(SECRET, str(allowed), "the probe does reach the card")

    def test_cus_22_attachment_refused(self):
        attachment = self.contract.with_user(self.technician)
        with self.assertRaises(AccessError):
            attachment.read(["datas"])
        with self.assertRaises(AccessError):
            attachment.mapped("raw")
        found = (
            self.env["ir.attachment"]
            .with_user(self.technician)
            .search([("res_model", "=", self.card._name)])
        )
        self.assertFalse(found)

    def test_cus_22_public_partner_data_stays_readable(self):
        """Sales documents still need the customer's name and address."""
        partner = self.customer.with_user(self.technician)
        values = partner.read(["name", "email", "dealer_customer_file_id"])[0]
        self.assertEqual(values["name"], "Nanshan Middle School")
        self.assertEqual(values["dealer_customer_file_id"][0], self.file.id)

    # ------------------------------------------------------------ allowed
    def test_cus_17_cus_06_custodian_and_salesperson_read(self):
        for user in self.custodian | self.salesperson:
            card = self.card.with_user(user)
            self.assertEqual(card.read(["credit_terms"])[0]["credit_terms"], SECRET)
            self.assertEqual(card.contact_ids.mobile, "+86 138 0000 0001")
            self.assertTrue(self.contract.with_user(user).raw)

    def test_cus_19_live_grant_opens_every_route(self):
        self._granted()
        user = self.technician
        card = self.card.with_user(user)
        self.assertEqual(card.read(["credit_terms"])[0]["credit_terms"], SECRET)
        self.assertEqual(
            self.env["dealer.customer.file.card"]
            .with_user(user)
            .search_read([], ["credit_terms"])[0]["credit_terms"],
            SECRET,
        )
        self.assertIn(SECRET, str(card.export_data(["credit_terms"])["datas"]))
        html = (
            self.env["ir.actions.report"]
            .with_user(user)
            ._render_qweb_html(REPORT, card.ids)[0]
        )
        self.assertIn(SECRET.encode(), html)
        self.assertIn(SECRET, str(self.message.with_user(user).read(["body"])))
        datas = self.contract.with_user(user).read(["datas"])[0]["datas"]
        self.assertIn(SECRET.encode(), base64.b64decode(datas))
        form = card.web_read({"credit_terms": {}, "contact_ids": {"fields": {}}})
        self.assertEqual(form[0]["credit_terms"], SECRET)
        template = self.env["mail.template"].create(
            {
                "name": "Card summary",
                "model_id": self.env["ir.model"]._get_id(card._name),
                "body_html": '<p><t t-out="object.credit_terms"/></p>',
            }
        )
        rendered = template.with_user(user)._render_field("body_html", card.ids)
        self.assertIn(SECRET, str(rendered[card.id]))
        channels = set(self._logs(user).mapped("channel"))
        self.assertLessEqual({"export", "report", "attachment", "other"}, channels)

    def test_cus_19_grant_is_for_reading_only(self):
        self._granted()
        with self.assertRaises(AccessError):
            self.card.with_user(self.technician).write({"credit_terms": "changed"})
