# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import http
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT, HttpCaseWithUserPortal


@tagged("post_install", "-at_install")
class TestHelpdeskPortal(HttpCaseWithUserPortal):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))
        cls.other_portal = new_test_user(
            cls.env, login="hd_other_portal", groups="base.group_portal"
        )
        cls.own = cls.env["helpdesk.ticket"].create(
            {
                "name": "My monitor flickers",
                "description": "<p>Since Monday</p>",
                "dealer_ticket_type": "fault",
                "partner_id": cls.partner_portal.id,
            }
        )
        cls.foreign = cls.env["helpdesk.ticket"].create(
            {
                "name": "Someone else's complaint",
                "description": "<p>Secret</p>",
                "dealer_ticket_type": "complaint",
                "partner_id": cls.other_portal.partner_id.id,
            }
        )
        cls.foreign_fault = cls.env["helpdesk.ticket"].create(
            {
                "name": "Someone else's fault",
                "description": "<p>Noisy fan</p>",
                "dealer_ticket_type": "fault",
                "partner_id": cls.other_portal.partner_id.id,
            }
        )

    def test_cmp05_customer_sees_type_and_promised_time(self):
        """CMP-05, ASV-02: the customer sees their ticket's type and promised
        time in the portal."""
        self.authenticate("portal", "portal")
        response = self.url_open(f"/my/ticket/{self.own.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Promised by", response.text)
        self.assertIn("Fault / repair", response.text)
        self.assertIn('name="ticket_close_buttons"', response.text)
        listing = self.url_open("/my/tickets")
        self.assertIn("My monitor flickers", listing.text)
        self.assertNotIn("Someone else", listing.text)

    def test_cmp05_other_customers_ticket_is_refused(self):
        """Security: a portal customer cannot open another customer's ticket."""
        self.authenticate("portal", "portal")
        response = self.url_open(f"/my/ticket/{self.foreign.id}")
        self.assertNotIn("Someone else", response.text)
        self.assertNotIn("Secret", response.text)
        self.assertFalse(
            self.env["helpdesk.ticket"]
            .with_user(self.user_portal)
            .search([("id", "=", self.foreign.id)])
        )

    def test_cmp07_customer_cannot_close_a_complaint_from_the_portal(self):
        """CMP-07, CMP-08: a complaint is closed by staff with its resolution;
        the portal offers the customer no close button for it."""
        complaint = self.env["helpdesk.ticket"].create(
            {
                "name": "Late delivery",
                "description": "<p>Two weeks late</p>",
                "dealer_ticket_type": "complaint",
                "partner_id": self.partner_portal.id,
            }
        )
        self.authenticate("portal", "portal")
        response = self.url_open(f"/my/ticket/{complaint.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Promised by", response.text)
        self.assertNotIn('name="ticket_close_buttons"', response.text)

    # ------------------------------------------------- issue 17: close route
    def _close(self, ticket, stage, csrf=True):
        """POST /ticket/close as the page's form does (with its CSRF token)."""
        data = {"ticket_id": ticket.id, "stage_id": stage.id}
        if csrf:
            data["csrf_token"] = http.Request.csrf_token(self)
        response = self.url_open("/ticket/close", data=data, allow_redirects=False)
        self.env.invalidate_all()
        return response

    def _close_by_link(self, ticket, stage):
        """helpdesk_mgmt's GET link."""
        return self.url_open(
            f"/ticket/close?ticket_id={ticket.id}&stage_id={stage.id}",
            allow_redirects=False,
        )

    def _assert_open(self, ticket, stage):
        self.env.invalidate_all()
        self.assertEqual(ticket.stage_id, stage)
        self.assertFalse(ticket.closed_date)

    def test_asv_02_another_customer_cannot_close_a_ticket(self):
        """ASV-02, issue 17: customer B closes none of customer A's tickets,
        neither by the GET link nor by a POST with B's own CSRF token; the
        answer does not tell whether the ticket exists."""
        done = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        stage = self.own.stage_id
        self.authenticate("hd_other_portal", "hd_other_portal")
        self.assertEqual(self._close_by_link(self.own, done).status_code, 405)
        self._assert_open(self.own, stage)
        self.assertEqual(self._close(self.own, done).status_code, 404)
        self._assert_open(self.own, stage)
        missing = self.env["helpdesk.ticket"].search([], order="id desc", limit=1)
        self.assertEqual(
            self._close(missing.browse(missing.id + 1000), done).status_code, 404
        )
        # Positive control: B closes B's own ticket.
        self.assertEqual(self._close(self.foreign_fault, done).status_code, 303)
        self.assertEqual(self.foreign_fault.stage_id, done)

    def test_asv_02_customer_closes_own_ticket_by_post_with_csrf(self):
        """ASV-02, issue 17: the customer's GET link and a POST without the
        CSRF token close nothing; the page's close button is a POST form with
        the token, and it closes the ticket in the customer's name."""
        done = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        stage = self.own.stage_id
        self.authenticate("portal", "portal")
        self.assertEqual(self._close_by_link(self.own, done).status_code, 405)
        self._assert_open(self.own, stage)
        with mute_logger("odoo.http"):  # "No CSRF validation token provided"
            self.assertEqual(self._close(self.own, done, csrf=False).status_code, 400)
        self._assert_open(self.own, stage)
        page = self.url_open(f"/my/ticket/{self.own.id}").text
        self.assertIn('<form method="POST" action="/ticket/close"', page)
        self.assertIn('name="csrf_token"', page)
        self.assertNotIn('method="GET"', page)
        response = self._close(self.own, done)
        self.assertEqual(response.status_code, 303)
        self.assertTrue(
            response.headers["Location"].endswith(f"/my/ticket/{self.own.id}")
        )
        self.assertEqual(self.own.stage_id, done)
        self.assertTrue(self.own.closed_date)
        tracking = self.own.message_ids.filtered("tracking_value_ids")[:1]
        self.assertEqual(tracking.author_id, self.partner_portal)
        # Closed: no button, and a second close is refused.
        self.assertNotIn(
            'name="ticket_close_buttons"',
            self.url_open(f"/my/ticket/{self.own.id}").text,
        )
        cancelled = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_cancelled")
        self.assertEqual(self._close(self.own, cancelled).status_code, 403)
        self.assertEqual(self.own.stage_id, done)

    def test_asv_02_no_close_button_for_a_visitor_with_the_link(self):
        """ASV-02, issue 17: the ticket's link with its token shows the page
        to a visitor who is not logged in, without close buttons; the close
        route asks them to log in and closes nothing."""
        token = self.own._portal_ensure_token()
        page = self.url_open(f"/my/ticket/{self.own.id}?access_token={token}")
        self.assertEqual(page.status_code, 200)
        self.assertIn("My monitor flickers", page.text)
        self.assertNotIn('name="ticket_close_buttons"', page.text)
        done = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        stage = self.own.stage_id
        response = self._close(self.own, done, csrf=False)  # no session
        self.assertEqual(response.status_code, 303)
        self.assertIn("/web/login", response.headers["Location"])
        self._assert_open(self.own, stage)

    def test_cmp_08_asv_16_complaint_training_and_other_stages_refused(self):
        """CMP-07, CMP-08, ASV-16, issue 17: a close sent for the customer's
        own complaint or training, or to a stage the portal does not offer,
        is refused (403) and changes nothing."""
        done = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        awaiting = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_awaiting")
        complaint, training = self.env["helpdesk.ticket"].create(
            [
                {
                    "name": "Wrong cable",
                    "description": "<p>Wrong cable delivered</p>",
                    "dealer_ticket_type": ticket_type,
                    "partner_id": self.partner_portal.id,
                    # What staff record before closing: the customer still
                    # does not close it.
                    "dealer_root_cause": "Picked from the wrong shelf",
                    "dealer_corrective_action": "Scan at packing",
                    "dealer_customer_confirmation": "confirmed",
                }
                for ticket_type in ("complaint", "training")
            ]
        )
        self.authenticate("portal", "portal")
        for ticket in complaint | training:
            stage = ticket.stage_id
            self.assertEqual(self._close(ticket, done).status_code, 403)
            self._assert_open(ticket, stage)
        stage = self.own.stage_id
        self.assertEqual(self._close(self.own, awaiting).status_code, 403)
        self._assert_open(self.own, stage)

    def test_asv_02_portal_close_method_checks_the_user(self):
        """ASV-02, CMP-08: the model method the route calls refuses another
        customer's ticket (AccessError) and a complaint (UserError) as the
        portal user, whatever route calls it."""
        done = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        with self.assertRaises(AccessError):
            self.own.with_user(self.other_portal)._dealer_close_from_portal(done)
        complaint = self.foreign.with_user(self.other_portal)
        with self.assertRaisesRegex(UserError, "CMP-07, CMP-08, ASV-16"):
            complaint._dealer_close_from_portal(done)
        self.assertFalse(self.own.closed_date or self.foreign.closed_date)

    # ------------------------------------------- issue 17: attachments (CUS-23)
    def _ticket_files(self):
        """On the customer's ticket: an internal note with a file, a reply to
        the customer with a file, a file staff attached without a message and
        the file the customer sent with the request."""
        ticket = self.own
        note = ticket.message_post(
            body="Supplier cost is 1200",
            subtype_xmlid="mail.mt_note",
            attachments=[("note-secret.txt", b"internal cost sheet")],
        )
        reply = ticket.message_post(
            body="Here is the driver",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            attachments=[("reply-driver.txt", b"driver for the monitor")],
        )
        Attachment = self.env["ir.attachment"]
        staff_file = Attachment.create(
            {
                "name": "staff-only.txt",
                "raw": b"staff working notes",
                "res_model": ticket._name,
                "res_id": ticket.id,
            }
        )
        # As helpdesk_mgmt's /submitted/ticket stores it: by the customer.
        request_file = (
            Attachment.with_user(self.user_portal)
            .sudo()
            .create(
                {
                    "name": "request-photo.txt",
                    "raw": b"photo of the flicker",
                    "res_model": ticket._name,
                    "res_id": ticket.id,
                }
            )
        )
        return note.attachment_ids, reply.attachment_ids, staff_file, request_file

    def test_cus_23_internal_note_files_are_not_on_the_ticket_page(self):
        """CUS-23, issue 17: the ticket page lists the reply's file and the
        customer's own, never the internal note's file nor staff's files."""
        _note_file, reply_file, _staff_file, _request_file = self._ticket_files()
        self.authenticate("portal", "portal")
        page = self.url_open(f"/my/ticket/{self.own.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn("reply-driver.txt", page.text)
        self.assertIn("request-photo.txt", page.text)
        self.assertNotIn("note-secret.txt", page.text)
        self.assertNotIn("staff-only.txt", page.text)
        # Positive control: the reply's file downloads with the page's link.
        link = (
            f"/web/content/{reply_file.id}?download=true"
            f"&amp;access_token={reply_file.sudo().access_token}"
        )
        self.assertIn(link, page.text)
        download = self.url_open(link.replace("&amp;", "&"))
        self.assertEqual(download.status_code, 200)
        self.assertEqual(download.content, b"driver for the monitor")

    def test_cus_23_internal_note_files_cannot_be_downloaded(self):
        """CUS-23, issue 17: the customer downloads the internal note's file
        neither without a token, nor with the ticket's token, nor with the
        file's own token (helpdesk_mgmt's page gave every file one), nor
        lists it in the chatter's attachment list; staff still do."""
        note_file, reply_file, staff_file, request_file = self._ticket_files()
        self.authenticate("portal", "portal")
        self.url_open(f"/my/ticket/{self.own.id}")  # helpdesk_mgmt sets tokens
        ticket_token = self.own._portal_ensure_token()
        for secret in note_file | staff_file:
            token = secret.sudo().generate_access_token()[0]
            for query in (
                "",
                f"?access_token={ticket_token}",
                f"?access_token={token}",
            ):
                response = self.url_open(f"/web/content/{secret.id}{query}")
                self.assertEqual(response.status_code, 404, query)
                # /web/image answers a refusal with its placeholder image.
                response = self.url_open(f"/web/image/{secret.id}{query}")
                self.assertNotIn(secret.sudo().raw, response.content)
        token = request_file.sudo().generate_access_token()[0]
        self.assertEqual(
            self.url_open(
                f"/web/content/{request_file.id}?access_token={token}"
            ).content,
            b"photo of the flicker",
        )
        # The chatter's attachment list, as the ticket's link with its token
        # gives it to a visitor who is not logged in (the portal reads the
        # ticket as superuser then; a logged-in customer is refused the list).
        self.logout()
        store = self.make_jsonrpc_request(
            "/mail/thread/data",
            {
                "thread_model": "helpdesk.ticket",
                "thread_id": self.own.id,
                "request_list": ["attachments"],
                "token": ticket_token,
            },
        )
        names = {a["name"] for a in store.get("ir.attachment", [])}
        self.assertEqual(names, {"reply-driver.txt", "request-photo.txt"})
        # Positive control: staff download the note's file.
        self.authenticate("admin", "admin")
        response = self.url_open(f"/web/content/{note_file.id}")
        self.assertEqual(response.content, b"internal cost sheet")
        self.assertEqual(
            set(
                self.own._dealer_portal_attachments(self.env.ref("base.user_admin")).ids
            ),
            set((note_file | reply_file | staff_file | request_file).ids),
        )
