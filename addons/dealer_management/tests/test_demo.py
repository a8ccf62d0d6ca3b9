# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged

DEMO_PASSWORD = "dealer-demo"
DEMO_USERS = (
    "sales_mgr",
    "sales",
    "tech_mgr",
    "tech",
    "purchase_mgr",
    "purchase",
    "stock_mgr",
    "stock",
    "service_mgr",
    "service",
    "office_mgr",
    "office",
    "gm",
    "lighting_mgr",
    "finance",
    "legal",
    "custodian",
)


@tagged("post_install", "-at_install")
class TestDemoCompany(HttpCase):
    def setUp(self):
        super().setUp()
        if not self.env.ref("dealer_management.user_sales", raise_if_not_found=False):
            self.skipTest("the database was installed without demo data")

    def test_org_01_every_department_role_can_log_in_in_chinese(self):
        """ORG-01: one demo user per department role logs in with the documented
        password and works in Simplified Chinese."""
        covered = self.env["res.groups"]
        for login in DEMO_USERS:
            user = self.env.ref(f"dealer_management.user_{login}")
            self.assertEqual(user.login, login)
            self.assertEqual(user.lang, "zh_CN")
            covered |= user.groups_id.filtered(
                lambda group: group.get_external_id()[group.id].startswith(
                    "dealer_base."
                )
            )
            self.authenticate(login, DEMO_PASSWORD)
            response = self.url_open("/web")
            self.assertEqual(response.status_code, 200, login)
            self.assertEqual(self.session.uid, user.id)
            self.logout()
        dealer_groups = self.env["res.groups"].search(
            [
                (
                    "category_id.parent_id",
                    "=",
                    self.env.ref("dealer_base.module_category_dealer_management").id,
                )
            ]
        )
        self.assertEqual(covered, dealer_groups, "every dealer role has a demo user")

    def test_org_01_demo_company_in_shenzhen_in_cny(self):
        """ORG-01: the demo company is a Shenzhen dealer keeping its books in CNY."""
        company = self.env.ref("base.main_company")
        self.assertEqual(company.currency_id, self.env.ref("base.CNY"))
        self.assertEqual(company.country_id, self.env.ref("base.cn"))
        self.assertEqual(len(company.vat), 18, "unified social credit code")
        self.assertTrue(self.env["res.lang"]._lang_get("zh_CN").active)
        self.assertEqual(self.env.ref("base.user_admin").lang, "en_US")
        self.assertEqual(
            self.env.ref("dealer_management.product_ssd_990pro_2t")
            .with_context(lang="zh_CN")
            .name,
            "三星 990 PRO NVMe 固态硬盘 2TB",
        )
        serial_tracked = self.env["product.template"].search_count(
            [("tracking", "=", "serial"), ("default_code", "!=", False)]
        )
        self.assertGreaterEqual(serial_tracked, 5)

    def test_stk_09_demo_receipts_show_acceptance(self):
        """STK-09: the demo has an accepted receipt with rejections and one waiting."""
        Inspection = self.env["dealer.receipt.inspection"]
        accepted = Inspection.search(
            [
                (
                    "picking_id",
                    "=",
                    self.env.ref("dealer_management.receipt_peripherals").id,
                )
            ]
        )
        self.assertEqual(accepted.state, "done")
        self.assertEqual(accepted.qty_rejected, 2)
        waiting = Inspection.search(
            [("picking_id", "=", self.env.ref("dealer_management.receipt_storage").id)]
        )
        self.assertEqual(waiting.state, "draft")
        self.assertEqual(len(waiting.line_ids), 4)
        self.assertEqual(
            waiting.activity_ids.user_id, self.env.ref("dealer_management.user_stock")
        )
        ssd = self.env.ref("dealer_management.product_ssd_990pro_2t")
        self.assertEqual(ssd.dealer_qty_pending_inspection, 4)
        self.assertEqual(ssd.qty_available, 0)

    def test_login_page_answers(self):
        """The login page answers, as `make run` promises."""
        self.assertEqual(self.url_open("/web/login").status_code, 200)

    def test_stk_15_demo_quarterly_stocktake_traces_a_missing_keyboard(self):
        """STK-13, STK-15: the demo's quarterly stocktake is applied; its one
        difference, a keyboard short, was recounted and is traced to the clerk."""
        stocktake = self.env.ref("dealer_management.stocktake_quarter")
        self.assertEqual(stocktake.state, "applied")
        line = stocktake.line_ids.filtered("variance_qty")
        self.assertEqual(line.variance_qty, -1)
        self.assertEqual(len(line.count_ids), 2, "count and recount are both kept")
        self.assertEqual(
            line.responsible_user_id, self.env.ref("dealer_management.user_stock")
        )
        self.assertEqual(len(stocktake.move_ids), 1)

    def test_asv22_demo_delivery_carries_warranties(self):
        """ASV-22: the demo delivery gave each monitor serial its own warranty
        under the monitor terms, and the keyboards one under their category's;
        the exchange request waiting in draft is inside its window (ASV-19)."""
        order = self.env.ref("dealer_management.sale_order_chuangyuan")
        warranties = self.env["dealer.warranty"].search(
            [("sale_order_id", "=", order.id)]
        )
        monitors = warranties.filtered("lot_id")
        self.assertEqual(len(monitors), 2)
        self.assertEqual(
            monitors.term_id, self.env.ref("dealer_management.warranty_term_monitor")
        )
        keyboards = warranties - monitors
        self.assertEqual(keyboards.quantity, 5)
        self.assertEqual(
            keyboards.term_id, self.env.ref("dealer_management.warranty_term_hardware")
        )
        claim = self.env.ref("dealer_management.warranty_claim_monitor")
        self.assertEqual(claim.state, "draft")
        self.assertIn(claim.warranty_id, monitors)
        self.assertTrue(claim.is_eligible)

    def test_pur_09_demo_suppliers_qualification(self):
        """PUR-09, PUR-13: the demo shows a qualified supplier, one whose
        certificate expires soon and one without its quality certificate; the
        month's purchase plan waits in draft."""
        ref = self.env.ref
        self.assertEqual(
            ref(
                "dealer_management.supplier_jielian_peripherals"
            ).dealer_qualification_status,
            "qualified",
        )
        self.assertEqual(
            ref(
                "dealer_management.supplier_hongxin_storage"
            ).dealer_qualification_status,
            "expiring",
        )
        wangtong = ref("dealer_management.supplier_wangtong_network")
        self.assertEqual(wangtong.dealer_qualification_status, "not_qualified")
        self.assertIn(
            "Quality system certificate", wangtong.dealer_qualification_issues
        )
        plan = ref("dealer_management.purchase_plan_month")
        self.assertEqual(plan.state, "draft")
        self.assertEqual(len(plan.line_ids), 2)
        evaluation = ref("dealer_management.supplier_evaluation_hongxin")
        self.assertTrue(evaluation.facts_computed_on)

    def test_sal_03_demo_solution_waits_for_technical(self):
        """SAL-01, SAL-03, SAL-15, SAL-17: the demo's classes, distributor,
        solution under technical review and proposed price change."""
        ref = self.env.ref
        self.assertEqual(
            ref("dealer_management.customer_nanshan_school").dealer_customer_class,
            "important",
        )
        self.assertEqual(
            ref("dealer_management.customer_huanan_distributor").dealer_channel_role,
            "distributor",
        )
        solution = ref("dealer_management.sale_order_lab_solution")
        self.assertEqual(solution.dealer_technical_state, "requested")
        self.assertTrue(
            solution.activity_ids.user_id.has_group(
                "dealer_base.group_technical_manager"
            )
        )
        change = ref("dealer_management.price_change_k380")
        self.assertEqual(change.state, "draft")
        self.assertEqual(change.current_price, 199)

    def test_cmp07_demo_helpdesk_tickets_of_every_type(self):
        """CMP-02, CMP-07, ASV-12, KNW-04: the demo has tickets of every type with
        promised times, a complaint closed with its root cause, an installation
        under way after an acknowledged handover and a knowledge-base article."""
        ref = self.env.ref
        tickets = self.env["helpdesk.ticket"].search(
            [
                (
                    "id",
                    "in",
                    [
                        ref(f"dealer_management.helpdesk_ticket_{name}").id
                        for name in (
                            "consultation",
                            "fault",
                            "complaint_open",
                            "complaint_closed",
                            "installation",
                            "training",
                            "return",
                        )
                    ],
                )
            ]
        )
        self.assertEqual(
            set(tickets.mapped("dealer_ticket_type")),
            {
                "consultation",
                "fault",
                "complaint",
                "installation",
                "training",
                "return",
            },
        )
        self.assertTrue(all(tickets.mapped("dealer_promised_date")))
        closed = ref("dealer_management.helpdesk_ticket_complaint_closed")
        self.assertTrue(closed.closed)
        self.assertTrue(closed.dealer_root_cause)
        self.assertEqual(
            closed.team_id, ref("dealer_management.helpdesk_team_after_sales")
        )
        fault = ref("dealer_management.helpdesk_ticket_fault")
        self.assertEqual(fault.dealer_serial_flag, "ok")
        self.assertTrue(fault.dealer_warranty_covered)
        installation = ref("dealer_management.helpdesk_ticket_installation")
        self.assertTrue(installation.dealer_handover_done)
        self.assertFalse(installation.stage_id.unattended)
        consultation = ref("dealer_management.helpdesk_ticket_consultation")
        self.assertIn(
            ref("dealer_management.helpdesk_article_ssd_not_detected"),
            consultation.dealer_article_ids,
        )

    def test_cus_18_demo_customer_files(self):
        """CUS-08, CUS-17, CUS-18, CUS-22, CUS-27: files kept by the custodian,
        a request waiting for the Technical head, a leak on record, reviews and
        the month's big-customer visit."""
        ref = self.env.ref
        file = ref("dealer_management.customer_file_nanshan")
        custodian = ref("dealer_management.user_custodian")
        self.assertEqual(file.custodian_ids, custodian)
        card = file.card_ids.with_user(ref("dealer_management.user_tech"))
        self.assertFalse(card.search([]), "the technician reads no card yet")
        request = ref("dealer_management.customer_file_request_tech")
        self.assertEqual(request.state, "submitted")
        self.assertTrue(
            request.with_user(ref("dealer_management.user_tech_mgr")).can_review
        )
        self.assertEqual(
            ref("dealer_management.customer_file_incident_price_list").state,
            "sanctioned",
        )
        self.assertTrue(file.review_ids)
        self.assertIn("planned", file.visit_ids.mapped("state"))
        self.assertIn("done", file.visit_ids.mapped("state"))
        partner = ref("dealer_management.customer_hengxin")
        self.assertTrue(partner.dealer_customer_file_id)
