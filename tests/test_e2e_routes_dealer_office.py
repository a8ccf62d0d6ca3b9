"""End-to-end: the archive ledger's and the meetings' refusals over the
external API (issue 24), as the least-privileged demo user who could try,
against the served demo database: the office clerk forging a ledger entry, a
salesperson and a technician rewriting the agenda of a held meeting, and a
salesperson reading a confidential item's content."""

import datetime
import xmlrpc.client

import pytest
from test_e2e import URL, caller, refused

pytestmark = pytest.mark.skipif(not URL, reason="no served database (run make test)")


def test_adm_04_ledger_entry_not_forged_over_rpc():
    """ADM-04, ADM-05: Administration files an item by hand, but its ledger
    number, a lent state and a source record are not typed in, nor preset by
    a context default."""
    call = caller("office")
    vals = {"name": "E2E 办公室租赁合同", "category": "contract"}
    for forged, rule in (
        ({"code": "DA-FORGED"}, "ADM-04"),
        ({"state": "lent"}, "ADM-05"),
        ({"res_model": "res.partner", "res_id": 1}, "ADM-04"),
    ):
        refused(
            rule, call, "office", "dealer.archive.item", "create", dict(vals, **forged)
        )
    # Positive control: the ledger numbers the new entry, filed.
    item = call(
        "office",
        "dealer.archive.item",
        "create",
        vals,
        context={"default_state": "lent", "default_code": "DA-FORGED"},
    )
    [entry] = call("office", "dealer.archive.item", "read", [item], ["code", "state"])
    assert entry["state"] == "filed" and entry["code"].startswith("DA")


def test_adm_21_held_meeting_agenda_kept_over_rpc():
    """ADM-19, ADM-21: the agenda of the business department's closed demo
    meeting is neither rewritten by its deputy chair (the salesperson) nor
    deleted by a technician or the head; a technician adds nothing to a
    planned one, the head does."""
    call = caller("sales", "tech", "sales_mgr")
    meetings = call(
        "sales",
        "dealer.meeting",
        "search_read",
        [("series_id.department", "=", "sales")],
        fields=["state", "agenda_ids"],
    )
    closed = [m for m in meetings if m["state"] == "closed" and m["agenda_ids"]]
    planned = [m["id"] for m in meetings if m["state"] == "planned"]
    assert closed and planned
    item = closed[0]["agenda_ids"][0]
    refused(
        "ADM-21",
        call,
        "sales",
        "dealer.meeting.agenda",
        "write",
        [item],
        {"name": "改写的议程"},
    )
    refused("ADM-21", call, "tech", "dealer.meeting.agenda", "unlink", [item])
    refused("ADM-21", call, "sales_mgr", "dealer.meeting.agenda", "unlink", [item])
    refused(
        "ADM-21",
        call,
        "tech",
        "dealer.meeting.agenda",
        "create",
        {"meeting_id": planned[0], "name": "我的议题", "owner_id": call.uids["tech"]},
    )
    # Positive control: the head adds and removes an item of a planned meeting.
    added = call(
        "sales_mgr",
        "dealer.meeting.agenda",
        "create",
        {"meeting_id": planned[0], "name": "E2E 招标", "owner_id": call.uids["sales"]},
    )
    call("sales_mgr", "dealer.meeting.agenda", "unlink", [added])
    assert call("sales", "dealer.meeting.agenda", "search_count", [("id", "=", item)])


def test_adm_06_confidential_content_over_rpc():
    """ADM-06: the content of the demo's confidential personnel file is read by
    its custodian, not by a salesperson, by any read."""
    call = caller("office", "sales")
    [item] = call(
        "office",
        "dealer.archive.item",
        "search",
        [("confidential", "=", True), ("custodian_id", "=", call.uids["office"])],
        limit=1,
    )
    call(
        "office",
        "dealer.archive.item",
        "write",
        [item],
        {"content": "<p>E2E 薪资与合同</p>"},
    )
    # Positive control: the custodian reads it.
    [own] = call("office", "dealer.archive.item", "read", [item], ["content"])
    assert "E2E" in own["content"]
    [seen] = call(
        "sales",
        "dealer.archive.item",
        "read",
        [item],
        ["content", "content_restricted"],
    )
    assert not seen["content"] and seen["content_restricted"]
    rows = call(
        "sales",
        "dealer.archive.content",
        "search_read",
        [("item_id", "=", item)],
        fields=["content"],
    )
    assert not rows
    with pytest.raises(xmlrpc.client.Fault):
        call("sales", "dealer.archive.item", "write", [item], {"content": "<p>x</p>"})


def test_adm_05_org_14_kept_records_not_deleted_over_rpc():
    """ADM-05, ORG-14: the salesperson does not delete the demo's lent-out
    loan, nor the business head the department's work plan; a loan still in
    draft is hers to delete."""
    call = caller("sales", "sales_mgr")
    loans = call(
        "sales",
        "dealer.archive.loan",
        "search",
        [("borrower_id", "=", call.uids["sales"]), ("state", "!=", "draft")],
        limit=1,
    )
    plans = call(
        "sales_mgr", "dealer.work.plan", "search", [("state", "!=", "draft")], limit=1
    )
    assert loans and plans
    refused("ADM-05", call, "sales", "dealer.archive.loan", "unlink", loans)
    refused("ORG-14", call, "sales_mgr", "dealer.work.plan", "unlink", plans)
    # Positive control: a draft request of her own goes.
    [item] = call(
        "sales",
        "dealer.archive.item",
        "search",
        [("confidential", "=", False)],
        limit=1,
    )
    draft = call(
        "sales",
        "dealer.archive.loan",
        "create",
        {"item_id": item, "purpose": "E2E 查阅合同"},
    )
    call("sales", "dealer.archive.loan", "unlink", [draft])
    assert not call("sales", "dealer.archive.loan", "search", [("id", "=", draft)])
    assert call("sales", "dealer.archive.loan", "search", [("id", "in", loans)])


def test_adm_15_late_report_due_date_not_moved_over_rpc():
    """ADM-15: the salesperson does not move the due date of her demo weekly
    report (nor its period's end) to unflag it late."""
    call = caller("sales")
    reports = call(
        "sales",
        "dealer.work.report",
        "search_read",
        [("user_id", "=", call.uids["sales"])],
        fields=["date_due", "is_late"],
        limit=1,
    )
    assert reports
    report = reports[0]
    for vals in ({"date_due": "2099-01-01"}, {"period_end": "2099-01-01"}):
        refused(
            "ADM-15", call, "sales", "dealer.work.report", "write", [report["id"]], vals
        )
    [after] = call(
        "sales", "dealer.work.report", "read", [report["id"]], ["date_due", "is_late"]
    )
    assert after == report
    # Positive control: today's daily report is due from its own period.
    today = datetime.date.today()
    daily = call(
        "sales",
        "dealer.work.report",
        "create",
        {"kind": "daily", "period_start": today.isoformat(), "content": "<p>E2E</p>"},
    )
    [due] = call(
        "sales", "dealer.work.report", "read", [daily], ["date_due", "is_late"]
    )
    assert due["date_due"] >= today.isoformat() and not due["is_late"]
    call("sales", "dealer.work.report", "unlink", [daily])
