# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 17 over HTTP: the web client's routes to a data card, with the
channel the server reads from the URL."""

import json

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import SECRET, DealerCustomerFileCommon

CARD = "dealer.customer.file.card"


@tagged("post_install", "-at_install")
class TestRoutesHttp(HttpCase, DealerCustomerFileCommon):
    # Downloads and printouts are read-only routes: on a read replica Odoo
    # serves them again on the primary to write their log line (README).
    readonly_enabled = False

    def lines(self, user, since=0):
        return self.env["dealer.customer.file.access"].search(
            [("user_id", "=", user.id), ("id", ">", since)]
        )

    def last(self):
        return self.env["dealer.customer.file.access"].search([], limit=1).id or 0

    def call_kw(self, method, args, kwargs=None):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{CARD}/{method}",
            {"model": CARD, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    def test_cus_21_web_client_routes_logged_with_their_channel(self):
        user = self.salesperson
        self.authenticate(user.login, user.login)
        routes = {
            "form": lambda: self.call_kw(
                "web_read", [self.card.ids, {"credit_terms": {}}]
            ),
            "list": lambda: self.call_kw(
                "web_search_read", [[], {"credit_terms": {}, "credit_limit": {}}]
            ),
            "grouped": lambda: self.call_kw(
                "web_read_group", [[], ["credit_limit:sum"], ["file_id"]]
            ),
            "attachment": lambda: self.url_open(
                f"/web/content/{self.contract.id}?download=true"
            ),
            "report": lambda: self.url_open(
                f"/report/html/dealer_customer_file.report_customer_data_card/"
                f"{self.card.id}"
            ),
        }
        for channel, route in routes.items():
            with self.subTest(channel=channel):
                since = self.last()
                response = route()
                if hasattr(response, "status_code"):
                    self.assertEqual(response.status_code, 200)
                    self.assertIn(SECRET.encode(), response.content)
                lines = self.lines(user, since)
                self.assertEqual(len(lines), 1, lines.mapped("channel"))
                self.assertEqual((lines.channel, lines.basis), (channel, "salesperson"))

    def test_cus_21_one_form_open_writes_one_line(self):
        """CUS-21: opening a data card in the web client (the record, then its
        chatter: thread data and messages, each in its own request) writes one
        line to the access log, not one per request."""
        self.card.with_user(self.custodian).message_post(body="Terms confirmed.")
        user = self.salesperson
        self.authenticate(user.login, user.login)
        since = self.last()
        self.call_kw(
            "web_read",
            [self.card.ids, {"credit_terms": {}, "contact_ids": {"fields": {}}}],
        )
        self.make_jsonrpc_request(
            "/mail/thread/data",
            {
                "thread_model": CARD,
                "thread_id": self.card.id,
                "request_list": ["activities", "attachments", "followers"],
            },
        )
        messages = self.make_jsonrpc_request(
            "/mail/thread/messages", {"thread_model": CARD, "thread_id": self.card.id}
        )
        self.assertTrue(messages["messages"], "the chatter was read")
        lines = self.lines(user, since)
        self.assertEqual(len(lines), 1, lines.mapped("channel"))
        self.assertEqual(lines.channel, "form")
        # Positive control: a list read right after is its own line.
        since = self.last()
        self.call_kw("web_search_read", [[], {"credit_terms": {}}])
        self.assertEqual(self.lines(user, since).channel, "list")

    @mute_logger("odoo.http")
    def test_cus_18_direct_link_to_a_card_explains_how_to_request_access(self):
        """CUS-18, CUS-22: a link to a data card one may not read answers with
        how to request access, not a blank page or Odoo's generic refusal."""
        user = self.technician
        self.authenticate(user.login, user.login)
        response = self.url_open(
            f"/web/dataset/call_kw/{CARD}/web_read",
            data=json.dumps(
                {
                    "jsonrpc": "2.0",
                    "method": "call",
                    "params": {
                        "model": CARD,
                        "method": "web_read",
                        "args": [self.card.ids, {"credit_terms": {}}],
                        "kwargs": {},
                    },
                }
            ),
            headers={"Content-Type": "application/json"},
        )
        error = response.json()["error"]["data"]
        self.assertEqual(error["name"], "odoo.exceptions.AccessError")
        message = error["message"]
        self.assertIn("Request Access", message)
        self.assertIn("CUS-18", message)
        self.assertIn(self.customer.name, message)
        self.assertNotIn(SECRET, message)
        self.assertFalse(self.lines(user))

    @mute_logger("odoo.http")
    def test_cus_22_outsider_refused_over_http(self):
        user = self.technician
        self.authenticate(user.login, user.login)
        response = self.url_open(f"/web/content/{self.contract.id}?download=true")
        self.assertNotEqual(response.status_code, 200)
        self.assertNotIn(SECRET.encode(), response.content)
        response = self.url_open(
            f"/report/html/dealer_customer_file.report_customer_data_card/"
            f"{self.card.id}"
        )
        self.assertNotIn(SECRET.encode(), response.content)
        self.assertFalse(self.lines(user))
