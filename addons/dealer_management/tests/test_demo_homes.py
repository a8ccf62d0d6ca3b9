# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 19: the demo company works like a Chinese dealer (CNY price lists,
13% VAT, Odoo's English demo archived), its open monthly stocktake has lines
to count, and every demo role opens on its work and sees the apps it needs."""

from odoo.tests import HttpCase, tagged
from odoo.tools.safe_eval import safe_eval

from .test_demo import DEMO_PASSWORD, DEMO_USERS

# What each role lands on (README.md's demo logins table says the same).
HOMES = {
    "sales_mgr": "dealer_approval.tier_review_action_to_sign",
    "sales": "sale.action_quotations_with_onboarding",
    "tech_mgr": "dealer_approval.tier_review_action_to_sign",
    "tech": "helpdesk_mgmt.helpdesk_my_tickets_action",
    "purchase_mgr": "dealer_approval.tier_review_action_to_sign",
    "purchase": "purchase.purchase_rfq",
    "stock_mgr": "dealer_stock_count.dealer_stocktake_action",
    "stock": "dealer_stock_count.dealer_stocktake_sheet_action_mine",
    "service_mgr": "helpdesk_mgmt.helpdesk_ticket_dashboard_action",
    "service": "helpdesk_mgmt.helpdesk_my_tickets_action",
    "office_mgr": "dealer_approval.tier_review_action_to_sign",
    "office": "dealer_base.dealer_manual_rule_action",
    "gm": "dealer_approval.tier_review_action_to_sign",
    "lighting_mgr": "dealer_approval.tier_review_action_to_sign",
    "finance": "hr_expense.action_hr_expense_sheet_all",
    "legal": "dealer_approval.tier_review_action_to_sign",
    "custodian": "dealer_customer_file.dealer_customer_file_request_action_review",
}


@tagged("post_install", "-at_install")
class TestDemoHomes(HttpCase):
    def setUp(self):
        super().setUp()
        if not self.env.ref("dealer_management.user_sales", raise_if_not_found=False):
            self.skipTest("the database was installed without demo data")

    def user(self, login):
        return self.env.ref(f"dealer_management.user_{login}")

    def visible_roots(self, login):
        Menu = self.env["ir.ui.menu"].with_user(self.user(login))
        visible = Menu.browse(Menu._visible_menu_ids())
        return visible.filtered(lambda menu: not menu.parent_id).sudo()

    def run_home(self, login):
        """Load the user's home action through the web client's route, as the
        user, then open its views and search its domain as the user."""
        user = self.user(login)
        self.authenticate(login, DEMO_PASSWORD)
        action = self.make_jsonrpc_request(
            "/web/action/load", {"action_id": user.action_id.id}
        )
        self.logout()
        self.assertEqual(action["type"], "ir.actions.act_window", login)
        Model = self.env[action["res_model"]].with_user(user)
        views = [(view_id, view_type) for view_id, view_type in action["views"]]
        if action.get("search_view_id"):
            views.append((action["search_view_id"][0], "search"))
        else:
            views.append((False, "search"))
        Model.get_views(views)
        context = {"uid": user.id, "active_id": False, "allowed_company_ids": []}
        domain = safe_eval(action.get("domain") or "[]", context)
        return action, Model.search(domain)

    # ------------------------------------------------------------------ item 3
    def test_issue19_every_demo_role_opens_on_its_work(self):
        """Issue 19, item 3: each demo role has a home action (never the Discuss
        inbox) that the user can load, whose views open and whose domain the
        user can search."""
        self.assertEqual(set(HOMES), set(DEMO_USERS))
        for login, xmlid in HOMES.items():
            with self.subTest(login=login):
                user = self.user(login)
                self.assertEqual(user.action_id.id, self.env.ref(xmlid).id)
                action, _records = self.run_home(login)
                self.assertNotEqual(action["res_model"], "discuss.channel")

    def test_issue19_homes_show_work_waiting(self):
        """Issue 19, item 3: in the demo, the homes of the clerk, the Sales and
        Technical heads and legal have work waiting: count sheets to count and
        requests to sign, each opening its document."""
        __, sheets = self.run_home("stock")
        todo = sheets.filtered(
            lambda s: s.counter_id == self.user("stock") and s.state == "todo"
        )
        self.assertTrue(todo, "the clerk has count sheets to count")
        self.assertTrue(all(sheet.line_ids for sheet in todo))
        for login, model in (
            ("sales_mgr", "sale.order"),
            ("tech_mgr", "dealer.customer.file.request"),
            ("legal", "purchase.order"),
        ):
            with self.subTest(login=login):
                __, reviews = self.run_home(login)
                self.assertIn(model, reviews.mapped("model"))
                review = reviews.filtered(lambda r, m=model: r.model == m)[:1]
                self.assertTrue(review.dealer_document_name)
                opened = review.action_dealer_open_document()
                self.assertEqual(
                    (opened["res_model"], opened["res_id"]),
                    (review.model, review.res_id),
                )

    def test_issue19_clerk_sees_only_the_apps_of_the_warehouse(self):
        """Issue 19, item 3: the warehouse clerk's app menu has Inventory, not
        Sales, Customer Files, Approvals or the Apps store."""
        roots = self.visible_roots("stock")
        ref = self.env.ref
        self.assertIn(ref("stock.menu_stock_root"), roots)
        for xmlid in (
            "sale.sale_menu_root",
            "dealer_customer_file.menu_customer_file_root",
            "dealer_approval.menu_approval_root",
            "base.menu_management",
        ):
            self.assertNotIn(ref(xmlid), roots, xmlid)

    def test_issue19_queues_live_in_the_apps_not_the_manual(self):
        """Issue 19, item 3: legal and Administration find their queues in the
        Approvals app, Sales and Purchasing in theirs; the Management Manual
        keeps the rule book only."""
        ref = self.env.ref
        approvals = ref("dealer_approval.menu_approval_root")
        for login in ("legal", "office_mgr", "sales_mgr", "stock_mgr", "gm"):
            self.assertIn(approvals, self.visible_roots(login), login)
        manual = ref("dealer_base.dealer_manual_menu_root")
        queues = {
            "dealer_approval.tier_review_action_to_sign",
            "dealer_purchase.purchase_order_action_legal_review",
            "dealer_purchase.dealer_purchase_plan_action",
            "dealer_sale.sale_order_action_legal_review",
            "dealer_sale.dealer_price_change_action",
            "dealer_stock_count.dealer_stocktake_action_approval",
        }
        in_manual = self.env["ir.ui.menu"].search([("id", "child_of", manual.id)])
        carried = {
            menu.action.get_external_id().get(menu.action.id)
            for menu in in_manual
            if menu.action
        }
        self.assertFalse(carried & queues)
        Menu = self.env["ir.ui.menu"]
        legal = Menu.browse(
            Menu.with_user(self.user("legal"))._visible_menu_ids()
        ).sudo()
        self.assertIn(ref("dealer_sale.menu_dealer_legal_review_approval"), legal)
        self.assertIn(ref("dealer_purchase.menu_dealer_legal_review"), legal)

    def test_sal_20_empty_legal_queue_shows_no_sample_orders(self):
        """SAL-20, issue 19: the legal queues of sales and purchase contracts
        show a helpful empty state, not Odoo's sample orders."""
        for xmlid in (
            "dealer_sale.sale_order_action_legal_review",
            "dealer_purchase.purchase_order_action_legal_review",
        ):
            action = self.env.ref(xmlid)
            self.assertIn("o_view_nocontent_smiling_face", str(action.help))
            list_view = action.view_ids.filtered(lambda v: v.view_mode == "list")
            arch = (
                self.env[action.res_model]
                .with_user(self.user("legal"))
                .get_views([(list_view.view_id.id, "list")])["views"]["list"]["arch"]
            )
            self.assertNotIn('sample="1"', arch)

    # ------------------------------------------------------------------ item 1
    def test_issue19_demo_quotation_in_cny_with_13_percent_vat(self):
        """Issue 19, item 1: a demo quotation of a dealer product is in CNY at
        a CNY price list with a clear name, with the Chinese chart's 13% VAT;
        the company's default taxes are the chart's 13% on sales and purchases
        and the dealer's products carry them."""
        ref = self.env.ref
        company = ref("base.main_company")
        cny = ref("base.CNY")
        for tax, use in (
            (company.account_sale_tax_id, "sale"),
            (company.account_purchase_tax_id, "purchase"),
        ):
            self.assertEqual((tax.amount, tax.type_tax_use), (13, use))
            self.assertIn("l10n_cn", tax.get_external_id()[tax.id])
        order = ref("dealer_management.sale_order_lab_solution")
        self.assertEqual(order.state, "draft")
        self.assertEqual(order.currency_id, cny)
        self.assertEqual(order.pricelist_id, ref("dealer_management.pricelist_retail"))
        self.assertEqual(
            order.pricelist_id.with_context(lang="zh_CN").name, "零售价（人民币）"
        )
        line = order.order_line
        self.assertEqual(line.tax_id, company.account_sale_tax_id)
        self.assertAlmostEqual(order.amount_tax, order.amount_untaxed * 0.13, 2)
        self.assertTrue(order.amount_tax)
        products = self.env["product.template"].search(
            [("categ_id", "child_of", ref("dealer_management.category_hardware").id)]
        )
        self.assertTrue(products)
        for product in products:
            # Products are shared between companies; each sees its own taxes.
            own = product.with_company(company)
            self.assertEqual(
                own.taxes_id.filtered(lambda t: t.company_id == company),
                company.account_sale_tax_id,
            )
            self.assertEqual(
                own.supplier_taxes_id.filtered(lambda t: t.company_id == company),
                company.account_purchase_tax_id,
            )
        distributor = ref("dealer_management.sale_order_distributor_keyboards")
        self.assertEqual(
            distributor.pricelist_id, ref("dealer_management.pricelist_distributor")
        )
        self.assertEqual(distributor.currency_id, cny)
        keyboard = ref("dealer_management.product_kbd_k380")
        self.assertAlmostEqual(
            distributor.amount_untaxed, 30 * keyboard.list_price * 0.92, 2
        )

    def test_issue19_price_lists_have_distinct_names(self):
        """Issue 19, item 1: no two price lists share a name, none of the
        company's is called "Default", and all of the company's are in CNY."""
        Pricelist = self.env["product.pricelist"]
        names = Pricelist.search([]).mapped("name")
        self.assertEqual(len(names), len(set(names)), names)
        company = self.env.ref("base.main_company")
        own = Pricelist.search([("company_id", "=", company.id)])
        self.assertEqual(own.currency_id, self.env.ref("base.CNY"))
        self.assertNotIn("Default", own.mapped("name"))

    def test_issue19_odoo_english_demo_is_archived(self):
        """Issue 19, item 1: Odoo's furniture customers and products are
        archived (kept, not deleted), the dealer's are active."""
        ref = self.env.ref
        for xmlid in (
            "base.res_partner_2",
            "base.res_partner_3",
            "product.product_product_4_product_template",
        ):
            record = ref(xmlid)
            self.assertFalse(record.active, xmlid)
        self.assertTrue(ref("dealer_management.customer_nanshan_school").active)
        self.assertTrue(ref("dealer_management.product_kbd_k380").active)
        self.assertTrue(ref("sale.advance_product_0").active, "down payments work")

    # ------------------------------------------------------------------ item 2
    def test_stk_11_open_monthly_stocktake_has_lines_to_count(self):
        """STK-11, issue 19 item 2: the demo's open monthly stocktake has
        sheets with lines for the clerk to count, and no empty sheet."""
        stocktake = self.env["dealer.stocktake"].search(
            [("kind", "=", "monthly"), ("state", "=", "counting")]
        )
        self.assertEqual(len(stocktake), 1)
        self.assertTrue(stocktake.sheet_ids)
        for sheet in stocktake.sheet_ids:
            self.assertTrue(sheet.line_ids, sheet.display_name)
            self.assertEqual(sheet.counter_id, self.user("stock"))
        self.assertGreaterEqual(len(stocktake.line_ids), 3)
