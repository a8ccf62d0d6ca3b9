# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 17: customer files are confidential and logged on every route.

Outsiders (another salesperson, a technician, the Administration manager and
the Administrator, who keeps no file) try every route to a data card, also
after each attempt to give themselves access, and are refused. Each reader
(custodian, salesperson, grant holder) leaves exactly one log line per route,
with the basis and channel the server decides."""

from datetime import datetime, timedelta

import psycopg2
from freezegun import freeze_time

from odoo import Command, api
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.dealer_base.tools import GOVERNED_KEY
from odoo.addons.mail.tools.discuss import Store

from ..models.dealer_customer_file_access import access_log_unlocked
from .common import SECRET, DealerCustomerFileCommon

REPORT = "dealer_customer_file.action_report_customer_data_card"
CARD = "dealer.customer.file.card"
CONTACT = "dealer.customer.file.contact"
REFUSED = (AccessError, UserError)


@tagged("post_install", "-at_install")
class TestRoutes(DealerCustomerFileCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.admin = cls.env.ref("base.user_admin")
        # Every reader may export; the outsiders who may export are refused
        # by the card's rules.
        export = cls.env.ref("base.group_allow_export")
        (cls.custodian | cls.salesperson | cls.admin_manager).groups_id = [
            Command.link(export.id)
        ]
        cls.card.sudo().message_post(body=f"<p>Negotiated: {SECRET}</p>")
        cls.message = cls.card.sudo().message_ids[:1]
        # A tracked change of the credit limit, as a user makes it: its old and
        # new values are a tracking value on the card's chatter.
        env = cls.env(context={})
        card = cls.card.with_env(env)
        env.flush_all()
        env.cr.precommit.run()
        card.credit_limit = 250000.0
        env.flush_all()
        env.cr.precommit.run()
        cls.tracking = (
            cls.env["mail.tracking.value"]
            .sudo()
            .search(
                [
                    ("mail_message_id.model", "=", CARD),
                    ("mail_message_id.res_id", "=", cls.card.id),
                ]
            )
        )

    # ------------------------------------------------------------ helpers
    def outsiders(self):
        return self.other_sales | self.technician | self.admin_manager | self.admin

    def log_count(self, user):
        return self.env["dealer.customer.file.access"].search_count(
            [("user_id", "=", user.id), ("file_id", "=", self.file.id)]
        )

    def new_lines(self, user, since):
        return self.env["dealer.customer.file.access"].search(
            [
                ("user_id", "=", user.id),
                ("file_id", "=", self.file.id),
                ("id", ">", since),
            ]
        )

    def last_log_id(self):
        return (
            self.env["dealer.customer.file.access"].sudo().search([], limit=1).id or 0
        )

    def routes(self):
        """Every route to the card's content, as {name: callable(user)} that
        returns what the user got (or raises)."""
        card, contact = self.card, self.card.contact_ids[:1]

        def as_user(record, user):
            record.env.invalidate_all()
            return record.with_user(user)

        def rpc(model, method, user, *args, **kwargs):
            self.env.invalidate_all()
            return api.call_kw(self.env[model].with_user(user), method, args, kwargs)

        def report(user):
            self.env.invalidate_all()
            return (
                self.env["ir.actions.report"]
                .with_user(user)
                ._render_qweb_html(REPORT, card.ids)[0]
            )

        def template(user):
            self.env.invalidate_all()
            probe = self.env["mail.template"].create(
                {
                    "name": "Probe",
                    "model_id": self.env["ir.model"]._get_id(CARD),
                    "body_html": '<p><t t-out="object.credit_terms"/></p>',
                }
            )
            return probe.with_user(user)._render_field("body_html", card.ids)

        def chatter(user):
            self.env.invalidate_all()
            messages = (
                self.env["mail.message"]
                .with_user(user)
                ._message_fetch([("model", "=", CARD), ("res_id", "=", card.id)])[
                    "messages"
                ]
            )
            return Store(messages, for_current_user=True).get_result()

        return {
            "read": lambda u: as_user(card, u).read(["credit_terms"]),
            "web_read (form)": lambda u: as_user(card, u).web_read(
                {"credit_terms": {}, "contact_ids": {"fields": {"mobile": {}}}}
            ),
            "search_read (RPC)": lambda u: rpc(
                CARD, "search_read", u, [("id", "=", card.id)], ["credit_terms"]
            ),
            "search_read domain= (RPC)": lambda u: rpc(
                CARD,
                "search_read",
                u,
                domain=[("id", "=", card.id)],
                fields=["credit_terms"],
            ),
            "web_search_read (list)": lambda u: rpc(
                CARD, "web_search_read", u, [("id", "=", card.id)], {"credit_terms": {}}
            )["records"],
            "read_group (pivot)": lambda u: [
                group
                for group in rpc(
                    CARD,
                    "read_group",
                    u,
                    [("id", "=", card.id)],
                    ["credit_limit:sum"],
                    ["file_id"],
                )
                if group["credit_limit"]
            ],
            "web_read_group (grouped list)": lambda u: [
                group
                for group in rpc(
                    CARD,
                    "web_read_group",
                    u,
                    [("id", "=", card.id)],
                    ["credit_limit:sum"],
                    ["payment_term_id"],
                )["groups"]
                if group["credit_limit"]
            ],
            "export": lambda u: as_user(card, u).export_data(["credit_terms"])["datas"],
            "report": report,
            "server code": lambda u: as_user(card, u).mapped("bank_details"),
            "mail template": template,
            "contacts": lambda u: rpc(CONTACT, "read", u, contact.ids, ["mobile"]),
            "chatter": chatter,
            "message read": lambda u: as_user(self.message, u).read(["body"]),
            "attachment": lambda u: as_user(self.contract, u).read(["datas"]),
        }

    def assert_refused_everywhere(self, user, after=""):
        for name, route in self.routes().items():
            with self.subTest(user=user.login, route=name, after=after):
                try:
                    got = route(user)
                except REFUSED:
                    continue
                self.assertFalse(got, f"{user.login} got something by {name}")
        # The register's search on card content finds nothing either.
        Files = self.env["dealer.customer.file"].with_user(user)
        self.assertFalse(Files.search([("card_ids.credit_terms", "ilike", "rebate")]))
        self.assertFalse(
            self.env["mail.message"]
            .with_user(user)
            .search([("model", "=", CARD), ("res_id", "=", self.card.id)])
        )

    # ------------------------------------------------------------ outsiders
    def test_cus_22_every_route_refused_to_every_outsider(self):
        for user in self.outsiders():
            self.assert_refused_everywhere(user)
            self.assertEqual(self.log_count(user), 0, user.login)

    def test_cus_22_tracking_values_follow_the_card(self):
        """The Administrator reads tracking values (mail's access rights), but
        not those of a card they do not read."""
        self.assertTrue(self.tracking, "the change of the credit limit is tracked")
        Tracking = self.env["mail.tracking.value"].with_user(self.admin)
        self.assertFalse(Tracking.search([("id", "in", self.tracking.ids)]))
        self.assertFalse(
            Tracking.search_read([("id", "in", self.tracking.ids)], ["new_value_float"])
        )
        with self.assertRaises(AccessError):
            self.tracking.with_user(self.admin).read(["new_value_float"])
        # A custodian who is Administrator would read them.
        self.assertTrue(self.tracking.sudo().read(["new_value_float"]))

    def test_cus_22_authors_and_recipients_follow_the_card_too(self):
        """mail lets an author or a recipient read a message whatever the
        document says; not on a data card."""
        request = self._granted()
        self.card.with_user(self.custodian).message_post(
            body="<p>Principal's private number: 138 0000 0009</p>",
            partner_ids=self.technician.partner_id.ids,
            subtype_xmlid="mail.mt_comment",
        )
        note = self.card.message_ids[:1]
        self.assertIn(self.technician.partner_id, note.partner_ids)
        self.assertTrue(note.with_user(self.technician).read(["body"]))
        request.with_user(self.technician).action_return()
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            note.with_user(self.technician).read(["body"])
        self.assertFalse(
            self.env["mail.message"]
            .with_user(self.technician)
            .search([("id", "=", note.id)])
        )

    # ------------------------------------------------------------ self-assignment
    def self_assignments(self, user):
        """What an outsider may try to become a reader of the card."""
        file, partner = self.file, self.customer

        def custody(**changes):
            return lambda: file.with_user(user)._dealer_change_custody(
                reason="self", **changes
            )

        def wizard():
            return (
                self.env["dealer.customer.file.custody"]
                .with_user(user)
                .with_context(default_file_id=file.id)
                .create({"user_id": user.id, "reason": "I sell to them now"})
                .action_apply()
            )

        def request_and_sign():
            request = self._request(user=user)
            request.with_user(user).request_validation()
            request.with_user(user).validate_tier()

        other_card = (
            self.env["res.partner"]
            .create({"name": "Decoy", "customer_rank": 1, "user_id": user.id})
            .dealer_customer_file_id.sudo()
            .card_ids
        )
        return {
            "customer's salesperson": lambda: partner.with_user(user).write(
                {"user_id": user.id}
            ),
            "customer's salesperson with a forged token": lambda: partner.with_user(
                user
            )
            .with_context(dealer_file_custody="dealer_file_custody")
            .write({"user_id": user.id}),
            "file's salesperson": lambda: file.with_user(user).write(
                {"user_id": user.id}
            ),
            "file's salesperson with a forged token": lambda: file.with_user(user)
            .with_context(**{GOVERNED_KEY: GOVERNED_KEY})
            .write({"user_id": user.id}),
            "file's custodians": lambda: file.with_user(user).write(
                {"custodian_ids": [Command.link(user.id)]}
            ),
            "file's customer": lambda: file.with_user(user).write(
                {"partner_id": other_card.partner_id.id}
            ),
            "card moved to my file": lambda: self.card.with_user(user).write(
                {"file_id": other_card.file_id.id}
            ),
            "my card moved to this file": lambda: other_card.with_user(user).write(
                {"file_id": file.id}
            ),
            "contact moved to my card": lambda: self.card.contact_ids.with_user(
                user
            ).write({"card_id": other_card.id}),
            "change of custody to me": custody(user=user),
            "custodian me": custody(custodians=file.custodian_ids | user),
            "custody wizard": wizard,
            "grant created": lambda: self.env["dealer.customer.file.grant"]
            .with_user(user)
            .create(
                {
                    "file_id": file.id,
                    "user_id": user.id,
                    "date_end": datetime.now() + timedelta(hours=1),
                }
            ),
            "request signed by myself": request_and_sign,
        }

    def test_cus_22_self_assignment_refused_then_every_route_still_refused(self):
        for user in self.outsiders():
            for name, attempt in self.self_assignments(user).items():
                with self.subTest(user=user.login, attempt=name):
                    # AccessError and ValidationError are UserErrors.
                    with self.assertRaises(UserError), self.env.cr.savepoint():
                        attempt()
            self.env.invalidate_all()
            self.assertEqual(self.file.user_id, self.salesperson)
            self.assertEqual(self.file.custodian_ids, self.custodian)
            self.assertEqual(self.card.file_id, self.file)
            self.assert_refused_everywhere(user, after="self-assignment attempts")

    def test_cus_22_administrator_in_the_custodian_group_cannot_appoint_himself(self):
        """Even made a member of the custodian group and a company custodian,
        the Administrator does not make himself custodian of a file."""
        self.admin.groups_id = [
            Command.link(self.env.ref("dealer_base.group_file_custodian").id)
        ]
        self.company.dealer_file_custodian_ids = [Command.link(self.admin.id)]
        with self.assertRaisesRegex(UserError, "CUS-22"):
            self.file.with_user(self.admin)._dealer_change_custody(
                custodians=self.file.custodian_ids | self.admin, reason="mine"
            )
        self.assert_refused_everywhere(self.admin)

    # ------------------------------------------------------------ readers
    def test_cus_21_each_route_of_each_reader_is_one_log_line(self):
        self._granted()
        readers = {
            self.custodian: "custodian",
            self.salesperson: "salesperson",
            self.technician: "grant",
        }
        channels = {
            "export": "export",
            "report": "report",
            "attachment": "attachment",
        }
        for user, basis in readers.items():
            for name, route in self.routes().items():
                with self.subTest(user=user.login, route=name):
                    since = self.last_log_id()
                    got = route(user)
                    self.assertTrue(got, f"{user.login} reads by {name}")
                    lines = self.new_lines(user, since)
                    self.assertEqual(
                        len(lines), 1, f"{name}: {lines.mapped('channel')}"
                    )
                    self.assertEqual(lines.basis, basis)
                    self.assertEqual(lines.event, "read")
                    self.assertEqual(lines.channel, channels.get(name, "other"))
                    self.assertEqual(lines.partner_id, self.customer)

    def test_cus_21_search_read_over_rpc_honours_its_domain(self):
        """The external API's search_read filters by its domain, positional
        or keyword, and logs only what it returned."""
        second = (
            self.env["res.partner"]
            .create(
                {
                    "name": "Second school",
                    "customer_rank": 1,
                    "user_id": self.salesperson.id,
                }
            )
            .dealer_customer_file_id
        )
        Card = self.env[CARD].with_user(self.salesperson)
        for args, kwargs in (
            ([[("id", "=", self.card.id)], ["credit_terms"]], {}),
            ([], {"domain": [("id", "=", self.card.id)], "fields": ["credit_terms"]}),
        ):
            since = self.last_log_id()
            rows = api.call_kw(Card, "search_read", args, kwargs)
            self.assertEqual([row["id"] for row in rows], self.card.ids)
            lines = self.env["dealer.customer.file.access"].search([("id", ">", since)])
            self.assertEqual(lines.file_id, self.file, "the other file was not read")
            self.assertNotIn(second, lines.file_id)

    def test_cus_21_channel_and_basis_are_not_the_callers(self):
        """Context keys a caller sends neither choose the channel nor stop the
        logging."""
        for context in (
            {"dealer_file_channel": "export"},
            {"dealer_file_api_read": True},
            {"dealer_file_read_scope": "dealer_file_read_scope"},
            {"tracking_disable": True, "mail_notrack": True},
        ):
            with self.subTest(context=context):
                since = self.last_log_id()
                self.env.invalidate_all()
                api.call_kw(
                    self.env[CARD].with_user(self.salesperson),
                    "read",
                    [self.card.ids, ["credit_terms"]],
                    {"context": context},
                )
                lines = self.new_lines(self.salesperson, since)
                self.assertEqual(len(lines), 1)
                self.assertEqual((lines.channel, lines.basis), ("other", "salesperson"))

    # ------------------------------------------------------------ facts of access
    def test_cus_22_salesperson_basis_follows_the_customer_and_is_governed(self):
        with self.assertRaisesRegex(UserError, "CUS-22"):
            self.customer.with_user(self.salesperson).write(
                {"user_id": self.other_sales.id}
            )
        # A Sales Manager hands the customer over; recorded on the file.
        self.customer.with_user(self.sales_manager).write(
            {"user_id": self.other_sales.id}
        )
        self.assertEqual(self.file.user_id, self.other_sales)
        change = self.env["dealer.customer.file.access"].search(
            [("file_id", "=", self.file.id), ("event", "=", "change")]
        )
        self.assertEqual(change.user_id, self.sales_manager)
        self.assertIn(self.other_sales.name, change.detail)
        self.assertIn(
            self.other_sales.name, self.file.message_ids[:1].body, "in the chatter"
        )
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            self.card.with_user(self.salesperson).read(["credit_terms"])
        since = self.last_log_id()
        self.card.with_user(self.other_sales).read(["credit_terms"])
        self.assertEqual(
            self.new_lines(self.other_sales, since).basis,
            "salesperson",
            "the new salesperson's first read is logged as such",
        )

    def test_cus_17_custody_changed_by_action_and_recorded(self):
        second = new_test_user(
            self.env,
            login="cf_custodian_b",
            groups="base.group_user,dealer_base.group_file_custodian",
        )
        self.company.dealer_file_custodian_ids = [Command.link(second.id)]
        with self.assertRaisesRegex(UserError, "CUS-17"):
            self.file.with_user(self.salesperson).action_change_custody()
        action = self.file.with_user(self.custodian).action_change_custody()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.custodian)
            .with_context(**action["context"])
            .create({"reason": "Second keeper while I am away"})
        )
        wizard.custodian_ids = self.custodian | second
        wizard.action_apply()
        self.assertEqual(self.file.custodian_ids, self.custodian | second)
        line = self.env["dealer.customer.file.access"].search(
            [("file_id", "=", self.file.id), ("event", "=", "change")]
        )
        self.assertEqual((line.user_id, line.basis), (self.custodian, "custodian"))
        self.assertIn("away", line.detail)
        self.assertTrue(self.card.with_user(second).read(["credit_terms"]))

    def test_cus_17_custodianship_needs_the_group_at_read_time(self):
        self.card.with_user(self.custodian).message_subscribe(
            partner_ids=self.custodian.partner_id.ids
        )
        self.assertTrue(self.card.with_user(self.custodian).read(["credit_terms"]))
        self.custodian.groups_id = [
            Command.unlink(self.env.ref("dealer_base.group_file_custodian").id)
        ]
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            self.card.with_user(self.custodian).read(["credit_terms"])
        self.assertEqual(self.file.with_user(self.custodian).access_basis, "none")
        self.assertNotIn(self.custodian.partner_id, self.card.message_partner_ids)

    def test_cus_20_grant_past_its_end_refused_at_once_without_the_job(self):
        start = datetime(2026, 11, 23, 9, 0)
        with freeze_time(start):
            request = self._granted()
            self.card.with_user(self.technician).message_subscribe(
                partner_ids=self.technician.partner_id.ids
            )
            self.assertTrue(self.card.with_user(self.technician).read(["credit_terms"]))
        with freeze_time(start + timedelta(hours=8, seconds=1)):
            self.env.invalidate_all()
            self.assertEqual(request.grant_id.state, "active", "the job did not run")
            with self.assertRaises(AccessError):
                self.card.with_user(self.technician).read(["credit_terms"])
            self.assertFalse(
                self.env[CARD].with_user(self.technician).search_read([], ["notes"])
            )
            self.assertEqual(self.file.with_user(self.technician).access_basis, "none")
            # Still a follower until the job runs, but sent nothing.
            self.card.sudo().message_post(
                body="<p>New bank account</p>",
                subtype_xmlid="mail.mt_comment",
            )
            notified = self.card.sudo().message_ids[:1].notification_ids.res_partner_id
            self.assertNotIn(self.technician.partner_id, notified)

    def test_cus_22_followers_are_readers_only(self):
        """Creating a customer or its first sale subscribes nobody to the
        card; a reader cannot subscribe an outsider."""
        partner = (
            self.env["res.partner"]
            .with_user(self.salesperson)
            .create({"name": "Guangming Library", "is_company": True})
        )
        # The first invoice or order of a customer raises its rank.
        partner.with_user(self.salesperson)._increase_rank("customer_rank")
        card = partner.dealer_customer_file_id.sudo().card_ids
        self.assertTrue(card)
        self.assertFalse(card.message_partner_ids)
        self.card.with_user(self.salesperson).message_subscribe(
            partner_ids=(self.technician | self.salesperson).partner_id.ids
        )
        self.assertIn(self.salesperson.partner_id, self.card.message_partner_ids)
        self.assertNotIn(self.technician.partner_id, self.card.message_partner_ids)

    # ------------------------------------------------------------ the log
    def test_cus_21_log_keeps_what_was_true_at_the_time(self):
        self.card.with_user(self.salesperson).read(["credit_terms"])
        line = self.env["dealer.customer.file.access"].search(
            [("file_id", "=", self.file.id)], limit=1
        )
        other = self.env["res.partner"].create({"name": "Other", "is_company": True})
        self.file.with_user(self.sales_manager)._dealer_change_custody(
            partner=other, reason="Opened on the wrong customer"
        )
        self.assertEqual(self.file.partner_id, other)
        line.invalidate_recordset()
        self.assertEqual(line.partner_id, self.customer, "the log keeps the customer")
        self.assertEqual(line.company_id, self.company)

    def test_cus_21_log_is_append_only_in_the_database(self):
        self.card.with_user(self.custodian).read(["credit_terms"])
        line = self.env["dealer.customer.file.access"].search([], limit=1)
        with self.assertRaises(AccessError):
            line.sudo().write({"detail": "changed"})
        with self.assertRaises(AccessError):
            line.sudo().unlink()
        for statement in (
            "UPDATE dealer_customer_file_access SET detail = 'x' WHERE id = %s",
            "DELETE FROM dealer_customer_file_access WHERE id = %s",
            "TRUNCATE dealer_customer_file_access",
        ):
            with (
                self.subTest(statement=statement),
                mute_logger("odoo.sql_db"),
                self.assertRaises(psycopg2.errors.InsufficientPrivilege),
                self.env.cr.savepoint(),
            ):
                self.env.cr.execute(statement, [line.id])
        with access_log_unlocked(self.env.cr), self.env.cr.savepoint():
            self.env.cr.execute(
                "UPDATE dealer_customer_file_access SET detail = 'migrated' "
                "WHERE id = %s",
                [line.id],
            )
        line.invalidate_recordset()
        self.assertEqual(line.detail, "migrated", "a migration may")

    def test_cus_21_logging_80_cards_is_one_insert(self):
        cards = self.card
        partners = self.env["res.partner"].create(
            [
                {
                    "name": f"School {index}",
                    "is_company": True,
                    "customer_rank": 1,
                    "user_id": self.salesperson.id,
                }
                for index in range(79)
            ]
        )
        cards |= partners.dealer_customer_file_id.sudo().card_ids
        self.assertEqual(len(cards), 80)
        Card = self.env[CARD].with_user(self.salesperson)
        spec = {"credit_terms": {}, "credit_limit": {}}
        Card.web_search_read([("id", "in", cards[1:2].ids)], spec)  # warm-up
        for batch in (cards[:1], cards):
            self.env.invalidate_all()
            # The same queries for 1 card as for 80: one insert (and the
            # company's settings and day for the unusual-access marks).
            with self.assertQueryCount(11):
                Card.web_search_read([("id", "in", batch.ids)], spec)
        logs = self.env["dealer.customer.file.access"].search(
            [("user_id", "=", self.salesperson.id)]
        )
        self.assertEqual(len(logs), 1 + 1 + 80, "one line per file and read")

    # ------------------------------------------------------------ requests
    def test_cus_18_department_is_the_requesters_own(self):
        request = self._request()
        self.assertEqual(request.department, "technical")
        with self.assertRaisesRegex(UserError, "CUS-18"):
            request.with_user(self.technician).write({"department": "administration"})
        with self.assertRaisesRegex(UserError, "CUS-18"):
            self._request(department="administration")
        with self.assertRaisesRegex(ValidationError, "CUS-18"):
            request.sudo().write({"department": "administration"})
        loner = new_test_user(self.env, login="cf_loner", groups="base.group_user")
        request = self._request(user=loner)
        self.assertEqual(request.department, "administration")
        self.assertEqual(
            request.head_group_id,
            self.env.ref("dealer_base.group_administration_manager"),
        )

    # ------------------------------------------------------------ incidents, visits
    def test_cus_24_leak_reported_to_the_head_of_the_employees_department(self):
        incident = (
            self.env["dealer.customer.file.incident"]
            .with_user(self.custodian)
            .create(
                {
                    "file_id": self.file.id,
                    "employee_id": self.technician.id,
                    "description": "Quote left on a printer",
                }
            )
        )
        heads = self.company._dealer_department_heads("technical")
        self.assertIn(self.tech_head, heads)
        self.assertIn(incident.reported_to_id, heads, "a Technical head by default")
        incident.write({"reported_to_id": self.tech_head.id})
        for wrong in (self.sales_manager, self.technician, self.custodian):
            with self.assertRaisesRegex(ValidationError, "CUS-24"):
                incident.write({"reported_to_id": wrong.id})

    def test_cus_30_visit_escalated_to_the_visitors_supervisor(self):
        visit = (
            self.env["dealer.customer.file.visit"]
            .with_user(self.salesperson)
            .create({"file_id": self.file.id})
        )
        heads = self.company._dealer_department_heads("sales")
        self.assertIn(self.sales_manager, heads)
        self.assertIn(visit.escalated_to_id, heads, "a Sales head by default")
        visit.write({"escalated_to_id": self.sales_manager.id})
        for wrong in (self.tech_head, self.other_sales, self.salesperson):
            with self.assertRaisesRegex(ValidationError, "CUS-30"):
                visit.write({"escalated_to_id": wrong.id})

    # ------------------------------------------------------------ figures
    def test_cus_15_cus_09_figures_per_company_in_its_currency(self):
        """Orders of another company are not added up; an order in another
        currency counts at its rate, as the sales analysis reports it."""
        eur = self.env.ref("base.EUR")
        eur.active = True
        self.env["res.currency.rate"].create(
            {"currency_id": eur.id, "rate": 2.0, "company_id": self.company.id}
        )
        other_company = self.env["res.company"].create(
            {"name": "Lighting office", "currency_id": eur.id}
        )
        product = self.env["product.product"].create(
            {"name": "LED panel", "list_price": 1000.0, "standard_price": 600.0}
        )
        pricelist = self.env["product.pricelist"].create(
            {"name": "EUR", "currency_id": eur.id, "company_id": self.company.id}
        )
        orders = self.env["sale.order"].create(
            [
                {
                    "partner_id": self.customer.id,
                    "pricelist_id": pricelist.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": product.id,
                                "product_uom_qty": 1,
                                "price_unit": 2000.0,
                            }
                        )
                    ],
                },
                {
                    "partner_id": self.customer.id,
                    "company_id": other_company.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": product.id,
                                "product_uom_qty": 5,
                                "price_unit": 1000.0,
                            }
                        )
                    ],
                },
            ]
        )
        orders.action_confirm()
        card = self.card.with_user(self.salesperson)
        self.assertEqual(card.order_count, 1)
        self.assertAlmostEqual(card.revenue_12m, 1000.0, msg="2000 EUR at 2.0")
        Review = self.env["dealer.customer.file.review"]
        facts = Review._dealer_facts(self.customer, self.company)[self.customer]
        self.assertAlmostEqual(facts["revenue_12m"], 1000.0)
        self.assertEqual(facts["order_count_12m"], 1)
        other = Review._dealer_facts(self.customer, other_company)[self.customer]
        self.assertAlmostEqual(other["revenue_12m"], 5000.0)

    def test_cus_09_review_facts_are_the_systems(self):
        self.env["dealer.customer.file.review"]._cron_open_reviews()
        review = self.env["dealer.customer.file.review"].search(
            [("file_id", "=", self.file.id)]
        )
        mine = review.with_user(self.salesperson)
        for field, value in (
            ("revenue_12m", 10**7),
            ("suggested_class", "important"),
            ("state", "done"),
        ):
            with self.assertRaisesRegex(UserError, "CUS-09"):
                mine.write({field: value})
        mine.action_refresh_facts()
        mine.action_confirm()
        self.assertEqual((review.state, review.done_by_id), ("done", self.salesperson))
