"""End-to-end: customer files are confidential and logged on every route
(issue 17), over the external API with the demo logins.

A plain salesperson tries to give themselves another salesperson's customer
(the customer's salesperson, the file's salesperson, its custodians) and is
refused; the card stays refused by every read. Their own card is read by a
search_read whose domain is honoured and that leaves one log line, with the
channel and basis the server decides whatever context they send. The Sales
head hands a customer over, the change is recorded, the new salesperson reads
as such, and a custodian hands it back."""

import xmlrpc.client

import pytest
from test_e2e import assert_refused, caller

USER_ERROR = 2  # Odoo's fault code for a UserError / ValidationError over XML-RPC
CARD = "dealer.customer.file.card"
FILE = "dealer.customer.file"
LOG = "dealer.customer.file.access"


def assert_user_error(func, *args, **kwargs):
    with pytest.raises(xmlrpc.client.Fault) as refusal:
        func(*args, **kwargs)
    assert refusal.value.faultCode == USER_ERROR, refusal.value.faultString
    return refusal.value.faultString


def demo_file(call, name):
    """(file, card) of the demo customer whose name holds ``name``."""
    file = call(
        "custodian",
        FILE,
        "search_read",
        [("partner_id.name", "ilike", name)],
        fields=["partner_id", "user_id"],
    )[0]
    card = call("custodian", CARD, "search", [("file_id", "=", file["id"])])[0]
    return file, card


def log_lines(call, login, file_id, since):
    return call(
        "custodian",
        LOG,
        "search_read",
        [
            ("user_id", "=", call.uids[login]),
            ("file_id", "=", file_id),
            ("id", ">", since),
        ],
        fields=["channel", "basis", "event", "detail"],
    )


def last_log(call):
    lines = call("custodian", LOG, "search", [], limit=1)
    return lines[0] if lines else 0


def test_cus_22_salesperson_cannot_take_another_salespersons_card_over_rpc():
    call = caller("sales", "sales_mgr", "custodian", "admin")
    chuangyuan, card = demo_file(call, "创远")
    assert chuangyuan["user_id"][0] == call.uids["sales_mgr"]
    partner = chuangyuan["partner_id"][0]
    me = call.uids["sales"]
    since = last_log(call)
    assert "CUS-22" in assert_user_error(
        call, "sales", "res.partner", "write", [partner], {"user_id": me}
    )
    assert "CUS-22" in assert_user_error(
        call, "sales", FILE, "write", [chuangyuan["id"]], {"user_id": me}
    )
    assert "CUS-22" in assert_user_error(
        call,
        "sales",
        FILE,
        "write",
        [chuangyuan["id"]],
        {"user_id": me},
        context={"dealer_governed": "dealer_governed"},
    )
    assert_user_error(
        call,
        "sales",
        "res.partner",
        "write",
        [partner],
        {"user_id": me},
        context={"dealer_file_custody": "dealer_file_custody"},
    )
    assert_user_error(
        call,
        "sales",
        FILE,
        "write",
        [chuangyuan["id"]],
        {"custodian_ids": [(4, me)]},
    )
    file = call("custodian", FILE, "read", [chuangyuan["id"]], fields=["user_id"])
    assert file[0]["user_id"][0] == call.uids["sales_mgr"], "nothing changed"
    # Every read of the card is still refused, and nothing was logged.
    assert_refused(call, "sales", CARD, "read", [card], ["credit_terms"])
    assert (
        call(
            "sales",
            CARD,
            "search_read",
            [("id", "=", card)],
            ["credit_terms", "credit_limit"],
        )
        == []
    )
    assert not [
        group
        for group in call(
            "sales",
            CARD,
            "read_group",
            [("id", "=", card)],
            ["credit_limit:sum"],
            ["file_id"],
        )
        if group["credit_limit"]
    ]
    assert not call(
        "sales",
        "mail.message",
        "search",
        [("model", "=", CARD), ("res_id", "=", card)],
    )
    assert not log_lines(call, "sales", chuangyuan["id"], since)
    # The Administrator keeps no file: the card and its tracked values too.
    assert_refused(call, "admin", CARD, "read", [card], ["credit_terms"])
    assert not call(
        "admin",
        "mail.tracking.value",
        "search",
        [("mail_message_id.model", "=", CARD)],
    )


def test_cus_21_own_card_read_over_rpc_is_one_line_decided_by_the_server():
    call = caller("sales", "custodian")
    nanshan, card = demo_file(call, "南山")
    assert nanshan["user_id"][0] == call.uids["sales"]
    my_cards = call("sales", CARD, "search", [])
    assert len(my_cards) > 1, "the salesperson reads more than one card"
    for args, kwargs in (
        ([[("id", "=", card)]], {"fields": ["credit_terms"]}),
        ([], {"domain": [("id", "=", card)], "fields": ["credit_terms"]}),
        (
            [[("id", "=", card)]],
            {
                "fields": ["credit_terms"],
                "context": {
                    "dealer_file_channel": "export",
                    "dealer_file_api_read": True,
                    "dealer_file_read_scope": "dealer_file_read_scope",
                },
            },
        ),
    ):
        since = last_log(call)
        rows = call("sales", CARD, "search_read", *args, **kwargs)
        assert [row["id"] for row in rows] == [card], "the domain is honoured"
        assert "返点" in rows[0]["credit_terms"]
        lines = call(
            "custodian",
            LOG,
            "search_read",
            [("user_id", "=", call.uids["sales"]), ("id", ">", since)],
            fields=["file_id", "channel", "basis"],
        )
        assert [
            (line["file_id"][0], line["channel"], line["basis"]) for line in lines
        ] == [(nanshan["id"], "rpc", "salesperson")]
    # Card figures in a pivot are a read too.
    since = last_log(call)
    call("sales", CARD, "read_group", [], ["credit_limit:sum"], ["file_id"])
    lines = log_lines(call, "sales", nanshan["id"], since)
    assert [(line["channel"], line["basis"]) for line in lines] == [
        ("rpc", "salesperson")
    ]
    assert_refused(call, "custodian", LOG, "write", [lines[0]["id"]], {"detail": "x"})
    assert_refused(call, "custodian", LOG, "unlink", [lines[0]["id"]])


def test_cus_17_hand_over_recorded_and_new_salesperson_reads_as_such():
    call = caller("sales", "sales_mgr", "custodian")
    huanan, card = demo_file(call, "华南")
    partner = huanan["partner_id"][0]
    assert huanan["user_id"][0] == call.uids["sales_mgr"]
    assert_refused(call, "sales", CARD, "read", [card], ["credit_terms"])
    since = last_log(call)
    call(
        "sales_mgr", "res.partner", "write", [partner], {"user_id": call.uids["sales"]}
    )
    try:
        change = call(
            "custodian",
            LOG,
            "search_read",
            [("file_id", "=", huanan["id"]), ("id", ">", since)],
            fields=["event", "user_id", "detail"],
        )
        assert [(line["event"], line["user_id"][0]) for line in change] == [
            ("change", call.uids["sales_mgr"])
        ]
        card_values = call("sales", CARD, "read", [card], fields=["credit_terms"])
        assert "保证金" in card_values[0]["credit_terms"]
        lines = log_lines(call, "sales", huanan["id"], since)
        assert [(line["event"], line["basis"]) for line in lines] == [
            ("read", "salesperson")
        ]
        # The Sales head does not take it back himself.
        assert "CUS-22" in assert_user_error(
            call,
            "sales_mgr",
            "res.partner",
            "write",
            [partner],
            {"user_id": call.uids["sales_mgr"]},
        )
    finally:
        # A custodian of the file hands it back with Change Custody: the demo
        # stays as it was.
        wizard = call(
            "custodian",
            "dealer.customer.file.custody",
            "create",
            {"user_id": call.uids["sales_mgr"], "reason": "演示结束，交回销售经理"},
            context={"default_file_id": huanan["id"]},
        )
        call("custodian", "dealer.customer.file.custody", "action_apply", [wizard])
    file = call("custodian", FILE, "read", [huanan["id"]], fields=["user_id"])
    assert file[0]["user_id"][0] == call.uids["sales_mgr"]
    assert_refused(call, "sales", CARD, "read", [card], ["credit_terms"])


def test_cus_18_request_department_is_the_requesters_own():
    call = caller("tech", "custodian")
    chuangyuan, _card = demo_file(call, "创远")
    request = call(
        "tech",
        "dealer.customer.file.request",
        "create",
        {
            "file_id": chuangyuan["id"],
            "purpose": "核对安装方案",
            "reason": "客户要求复核上次安装的网络设备清单。",
            "duration_hours": 2,
        },
    )
    try:
        values = call(
            "tech",
            "dealer.customer.file.request",
            "read",
            [request],
            fields=["department"],
        )
        assert values[0]["department"] == "technical"
        assert "CUS-18" in assert_user_error(
            call,
            "tech",
            "dealer.customer.file.request",
            "write",
            [request],
            {"department": "administration"},
        )
    finally:
        call("tech", "dealer.customer.file.request", "action_cancel", [request])
