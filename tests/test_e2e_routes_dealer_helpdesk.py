"""End-to-end: dealer_helpdesk's rules hold over the external API (issue 15)
and on the customer portal's routes over HTTP (issue 17).

Run by `make test` against the served demo database, as the demo's After-sales
staff (`service`) and head (`service_mgr`), with demo records found by search;
the portal scenario makes its two customers as `admin`.
"""

import base64
import http.cookiejar
import json
import re
import urllib.error
import urllib.parse
import urllib.request
import xmlrpc.client
from datetime import datetime, timedelta

import pytest
from test_e2e import DB, URL, assert_refused, caller, json_call

pytestmark = pytest.mark.skipif(not URL, reason="no served database (run make test)")

FORMAT = "%Y-%m-%d %H:%M:%S"


def test_complaint_rules_hold_over_rpc():
    """CMP-07, CMP-02, ASV-05 over XML-RPC: After-sales staff cannot close the
    demo's open complaint with a root cause of spaces (write or import), nor
    write its promise or its type; a new complaint gets its promise from the
    company and the wizard extends it with a reason."""
    call = caller("service")
    done = call(
        "service",
        "helpdesk.ticket.stage",
        "search",
        [("closed", "=", True)],
        limit=1,
    )[0]
    complaint = call(
        "service",
        "helpdesk.ticket",
        "search_read",
        [("dealer_ticket_type", "=", "complaint"), ("stage_id.closed", "=", False)],
        fields=["stage_id", "dealer_promised_date", "partner_id"],
        limit=1,
    )[0]

    with pytest.raises(xmlrpc.client.Fault, match="CMP-07"):
        call(
            "service",
            "helpdesk.ticket",
            "write",
            [complaint["id"]],
            {
                "dealer_root_cause": "   ",
                "dealer_corrective_action": "\n ",
                "dealer_customer_confirmation": "confirmed",
                "stage_id": done,
            },
        )
    # Import, over JSON-RPC: its messages carry null values XML-RPC cannot.
    imported = json_call(
        "service",
        call.uids["service"],
        "helpdesk.ticket",
        "load",
        [".id", "stage_id/.id"],
        [[str(complaint["id"]), str(done)]],
    )
    assert not imported["ids"]
    assert "CMP-07" in imported["messages"][0]["message"]
    with pytest.raises(xmlrpc.client.Fault, match="CMP-02"):
        call(
            "service",
            "helpdesk.ticket",
            "write",
            [complaint["id"]],
            {
                "dealer_promised_date": "2030-01-01 00:00:00",
                "dealer_promise_reason": "Agreed on the phone",
            },
        )
    with pytest.raises(xmlrpc.client.Fault, match="ASV-05"):
        call(
            "service",
            "helpdesk.ticket",
            "write",
            [complaint["id"]],
            {"dealer_ticket_type": "consultation"},
        )
    after = call(
        "service",
        "helpdesk.ticket",
        "read",
        [complaint["id"]],
        fields=["stage_id", "dealer_promised_date", "dealer_ticket_type"],
    )[0]
    assert after["stage_id"] == complaint["stage_id"]
    assert after["dealer_promised_date"] == complaint["dealer_promised_date"]
    assert after["dealer_ticket_type"] == "complaint"

    # Positive control: a complaint taken over the API, extended with a reason.
    ticket = call(
        "service",
        "helpdesk.ticket",
        "create",
        {
            "name": "E2E routes: wrong power adapter",
            "description": "<p>A 65 W adapter came with a 90 W laptop.</p>",
            "dealer_ticket_type": "complaint",
            "partner_id": complaint["partner_id"][0],
        },
    )
    promised = call(
        "service",
        "helpdesk.ticket",
        "read",
        [ticket],
        fields=["dealer_promised_date"],
    )[0]["dealer_promised_date"]
    assert promised
    later = (datetime.strptime(promised, FORMAT) + timedelta(days=1)).strftime(FORMAT)
    wizard = call(
        "service",
        "dealer.helpdesk.promise.extend",
        "create",
        {"ticket_id": ticket, "new_date": later, "reason": "Adapter on order"},
    )
    call("service", "dealer.helpdesk.promise.extend", "action_confirm", [wizard])
    extended = call(
        "service",
        "helpdesk.ticket",
        "read",
        [ticket],
        fields=["dealer_promised_date", "dealer_promised_date_initial"],
    )[0]
    assert extended["dealer_promised_date"] == later
    assert extended["dealer_promised_date_initial"] == promised


def test_handover_and_type_change_refused_over_rpc():
    """ASV-12, ASV-05 over XML-RPC: the demo's acknowledged handover is not
    rewritten by the installer nor deleted by the After-sales head; staff do
    not open the type change."""
    call = caller("service", "service_mgr")
    handover = call(
        "service",
        "dealer.helpdesk.handover",
        "search_read",
        [("state", "=", "acknowledged")],
        fields=["precautions", "ticket_id"],
        limit=1,
    )[0]
    with pytest.raises(xmlrpc.client.Fault, match="ASV-12"):
        call(
            "service",
            "dealer.helpdesk.handover",
            "write",
            [handover["id"]],
            {"precautions": "None needed"},
        )
    with pytest.raises(xmlrpc.client.Fault, match="ASV-12"):
        call("service_mgr", "dealer.helpdesk.handover", "unlink", [handover["id"]])
    assert_refused(
        call,
        "service",
        "dealer.helpdesk.type.change",
        "create",
        {
            "ticket_id": handover["ticket_id"][0],
            "new_type": "consultation",
            "reason": "Not an installation",
        },
    )
    kept = call(
        "service_mgr",
        "dealer.helpdesk.handover",
        "read",
        [handover["id"]],
        fields=["precautions"],
    )
    assert kept[0]["precautions"] == handover["precautions"]


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class PortalBrowser:
    """A customer's browser: a session cookie, no redirects followed."""

    def __init__(self, login, password):
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()),
            _NoRedirect(),
        )
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "params": {"db": DB, "login": login, "password": password},
        }
        answer = self.open(
            "/web/session/authenticate",
            json.dumps(payload).encode(),
            {"Content-Type": "application/json"},
        )
        assert answer[0] == 200 and b'"error"' not in answer[1], answer

    def open(self, path, data=None, headers=None):
        """(status, body) of a GET, or of a POST when ``data`` is given."""
        request = urllib.request.Request(f"{URL}{path}", data, headers or {})
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def post(self, path, fields):
        return self.open(path, urllib.parse.urlencode(fields).encode())

    def csrf_token(self, ticket_id):
        """The token of the close form on one of the customer's own tickets."""
        status, page = self.open(f"/my/ticket/{ticket_id}")
        assert status == 200, status
        return re.search(rb'name="csrf_token" value="([^"]+)"', page)[1].decode()


def _portal_customer(call, login, portal_group):
    found = call("admin", "res.users", "search", [("login", "=", login)])
    user = (
        found[0]
        if found
        else call(
            "admin",
            "res.users",
            "create",
            {
                "name": f"E2E portal customer {login[-1].upper()}",
                "login": login,
                "password": "dealer-demo",
                "groups_id": [(6, 0, [portal_group])],
            },
        )
    )
    partner = call("admin", "res.users", "read", [user], fields=["partner_id"])
    return partner[0]["partner_id"][0]


def test_asv_02_cus_23_portal_close_and_files_tried_by_another_customer():
    """ASV-02, CUS-23 over HTTP (issue 17): customer B neither closes customer
    A's ticket by helpdesk_mgmt's GET link nor by a POST with B's own CSRF
    token; customer A's page does not list the file of an internal note, and
    A cannot download it, without or with its access token. Positive
    controls: A sees the reply's file and closes their own ticket."""
    call = caller("admin")
    portal_group = call(
        "admin", "ir.model.data", "check_object_reference", "base", "group_portal"
    )[1]
    partners = [
        _portal_customer(call, login, portal_group)
        for login in ("e2e_portal_a", "e2e_portal_b")
    ]
    tickets = [
        call(
            "admin",
            "helpdesk.ticket",
            "create",
            {
                "name": f"E2E portal: screen flickers ({partner})",
                "description": "<p>Since Monday</p>",
                "dealer_ticket_type": "fault",
                "partner_id": partner,
            },
        )
        for partner in partners
    ]
    ticket_a, ticket_b = tickets
    stage_a = call("admin", "helpdesk.ticket", "read", [ticket_a], fields=["stage_id"])
    stage_a = stage_a[0]["stage_id"][0]
    done = call(
        "admin",
        "helpdesk.ticket.stage",
        "search",
        [("close_from_portal", "=", True), ("team_ids", "=", False)],
        limit=1,
    )[0]
    files = {}
    for name, subtype in (
        ("e2e-cost.txt", "mail.mt_note"),
        ("e2e-driver.txt", "mail.mt_comment"),
    ):
        files[name] = call(
            "admin",
            "ir.attachment",
            "create",
            {
                "name": name,
                "datas": base64.b64encode(name.encode()).decode(),
                "res_model": "helpdesk.ticket",
                "res_id": ticket_a,
            },
        )
        call(
            "admin",
            "helpdesk.ticket",
            "message_post",
            [ticket_a],
            body=f"About {name}",
            message_type="comment",
            subtype_xmlid=subtype,
            attachment_ids=[files[name]],
        )
    note_token = call(
        "admin", "ir.attachment", "generate_access_token", [files["e2e-cost.txt"]]
    )[0]

    customer_b = PortalBrowser("e2e_portal_b", "dealer-demo")
    token_b = customer_b.csrf_token(ticket_b)
    query = urllib.parse.urlencode({"ticket_id": ticket_a, "stage_id": done})
    assert customer_b.open(f"/ticket/close?{query}")[0] == 405
    close_a = {"ticket_id": ticket_a, "stage_id": done, "csrf_token": token_b}
    assert customer_b.post("/ticket/close", close_a)[0] == 404
    after = call(
        "admin",
        "helpdesk.ticket",
        "read",
        [ticket_a],
        fields=["stage_id", "closed_date"],
    )[0]
    assert after["stage_id"][0] == stage_a and not after["closed_date"]

    customer_a = PortalBrowser("e2e_portal_a", "dealer-demo")
    status, page = customer_a.open(f"/my/ticket/{ticket_a}")
    assert status == 200
    assert b"e2e-driver.txt" in page and b"e2e-cost.txt" not in page
    note = files["e2e-cost.txt"]
    for path in (
        f"/web/content/{note}",
        f"/web/content/{note}?access_token={note_token}",
    ):
        status, body = customer_a.open(path)
        assert status == 404 and b"e2e-cost.txt" not in body, path
    assert customer_a.open(f"/ticket/close?{query}")[0] == 405
    close_a["csrf_token"] = customer_a.csrf_token(ticket_a)
    assert customer_a.post("/ticket/close", close_a)[0] == 303
    closed = call("admin", "helpdesk.ticket", "read", [ticket_a], fields=["stage_id"])
    assert closed[0]["stage_id"][0] == done
