# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Every rule of dealer_sale on every route (issue 15): each attack is tried by
the least-privileged user who could try it, through the ORM as that user
(write, create, import with ``load``, context keys, delete), and is refused;
a positive control shows the legitimate action still works."""

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import DealerSaleCommon

CLAUSES = {"dealer_after_sales_terms": "Three years on-site warranty"}


@tagged("post_install", "-at_install")
class TestSaleRoutes(DealerSaleCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tech_user = new_test_user(
            cls.env, login="sa_tech_user", groups="dealer_base.group_technical_user"
        )
        # A salesperson who is also in Technical: still never reviews what
        # they asked to have reviewed.
        cls.sales_tech = new_test_user(
            cls.env,
            login="sa_sales_tech",
            groups="dealer_base.group_sales_user,dealer_base.group_technical_user",
        )
        cls.other_manager = new_test_user(
            cls.env, login="sa_manager2", groups="dealer_base.group_sales_manager"
        )
        cls.accountant = new_test_user(
            cls.env,
            login="sa_accountant",
            groups="account.group_account_invoice,dealer_base.group_sales_user",
        )

    # ------------------------------------------------------------------ helpers
    def _solution(self, user=None):
        order = self._quotation(dealer_is_solution=True, user=user)
        order.with_user(
            user or self.salesperson
        ).action_dealer_request_technical_review()
        return order

    def _approve(self, order, user=None):
        reviewer = order.with_user(user or self.technician)
        reviewer.dealer_technical_comment = "Fits the lab; 650 W supplies."
        reviewer.action_dealer_technical_approve()

    def _big_order(self, user=None):
        order = self._quotation(
            product=self.workstation,
            qty=10,
            user=user,
            commitment_date="2026-12-20 09:00:00",
            payment_term_id=self.payment_term.id,
            **CLAUSES,
        )
        self.assertTrue(order.dealer_contract_review_required)
        return order

    def _load_error(self, model, fields, rows):
        result = model.load(fields, rows)
        self.assertFalse(result["ids"], "the import should be refused")
        return " ".join(message["message"] for message in result["messages"])

    # ------------------------------------------------------------------ SAL-03
    def test_sal_03_salesperson_cannot_write_the_technical_review(self):
        order = self._solution()
        as_sales = order.with_user(self.salesperson)
        for vals in (
            {"dealer_technical_state": "approved"},
            {"dealer_technical_reviewer_id": self.technician.id},
            {"dealer_technical_requester_id": self.sales_manager.id},
            {"dealer_technical_date": "2026-12-01 10:00:00"},
        ):
            with self.subTest(vals=vals), self.assertRaisesRegex(UserError, "SAL-03"):
                as_sales.write(vals)
        # The guard's context key sent as a string, as JSON-RPC would.
        with self.assertRaisesRegex(UserError, "SAL-03"):
            as_sales.with_context(dealer_governed="server").write(
                {"dealer_technical_state": "approved"}
            )
        message = self._load_error(
            self.env["sale.order"].with_user(self.salesperson),
            [".id", "dealer_technical_state"],
            [[str(order.id), "approved"]],
        )
        self.assertIn("SAL-03", message)
        with self.assertRaisesRegex(UserError, "SAL-03"):
            self._quotation(dealer_is_solution=True, dealer_technical_state="approved")
        self.assertEqual(order.dealer_technical_state, "requested")

    def test_sal_03_unapproved_solution_is_never_sent_nor_confirmed(self):
        """Every way an order becomes sent or confirmed checks the review."""
        order = self._solution()
        as_sales = order.with_user(self.salesperson)
        for vals in ({"state": "sale"}, {"state": "sent"}):
            with self.subTest(vals=vals), self.assertRaisesRegex(UserError, "SAL-03"):
                as_sales.write(vals)
        with self.assertRaisesRegex(UserError, "SAL-03"):
            as_sales.with_context(mark_so_as_sent=True).message_post(body="Quote")
        with self.assertRaisesRegex(UserError, "SAL-03"):
            as_sales.action_quotation_sent()
        # The customer portal confirms with sudo() on the customer's behalf.
        with self.assertRaisesRegex(UserError, "SAL-03"):
            as_sales.sudo().action_confirm()
        message = self._load_error(
            self.env["sale.order"].with_user(self.salesperson),
            [".id", "state"],
            [[str(order.id), "sale"]],
        )
        self.assertIn("SAL-03", message)
        with self.assertRaisesRegex(UserError, "SAL-03"):
            self._quotation(dealer_is_solution=True, state="sent")
        self.assertEqual(order.state, "draft")
        # Positive control: approved by Technical, it is sent and confirmed.
        self._approve(order)
        as_sales.action_quotation_sent()
        as_sales.action_confirm()
        self.assertEqual(order.state, "sale")

    def test_sal_04_order_is_not_created_confirmed(self):
        with self.assertRaisesRegex(UserError, "SAL-04"):
            self._quotation(state="sale")
        message = self._load_error(
            self.env["sale.order"].with_user(self.salesperson),
            ["partner_id/.id", "state"],
            [[str(self.customer.id), "sale"]],
        )
        self.assertIn("SAL-04", message)

    def test_sal_03_requester_never_approves_even_from_technical(self):
        """issue 16: the review is decided by another Technical user; who, when
        and why are recorded, in the chatter too."""
        order = self._solution(user=self.sales_tech)
        self.assertEqual(order.dealer_technical_requester_id, self.sales_tech)
        with self.assertRaisesRegex(UserError, "another Technical reviewer"):
            order.with_user(self.sales_tech).dealer_technical_comment = "Fine by me"
        order.with_user(self.tech_user).dealer_technical_comment = "  \n "
        with self.assertRaisesRegex(UserError, "technical comments"):
            order.with_user(self.tech_user).action_dealer_technical_approve()
        order.with_user(self.tech_user).dealer_technical_comment = "Use DDR5 memory"
        with self.assertRaisesRegex(UserError, "another Technical reviewer"):
            order.with_user(self.sales_tech).action_dealer_technical_approve()
        with self.assertRaisesRegex(UserError, "Only the Technical"):
            order.with_user(self.salesperson).action_dealer_technical_approve()
        order.with_user(self.tech_user).action_dealer_technical_approve()
        self.assertEqual(order.dealer_technical_state, "approved")
        self.assertEqual(order.dealer_technical_reviewer_id, self.tech_user)
        self.assertTrue(order.dealer_technical_date)
        decision = order.dealer_decision_ids
        self.assertEqual(len(decision), 1)
        self.assertEqual(
            (decision.kind, decision.outcome, decision.rule),
            ("technical_review", "approved", "SAL-03"),
        )
        self.assertEqual(decision.decided_by_id, self.tech_user)
        self.assertEqual(decision.requested_by_id, self.sales_tech)
        self.assertEqual(decision.reason, "Use DDR5 memory")
        message = order.message_ids.filtered(
            lambda m: "Technical review of a solution" in (m.body or "")
            and "SAL-03" in m.body
        )
        self.assertEqual(len(message), 1)
        self.assertIn(self.tech_user.name, message.body)
        self.assertIn("DDR5", message.body)
        self.assertEqual(message.author_id, self.tech_user.partner_id)

    def test_sal_03_comments_only_during_the_review(self):
        order = self._quotation(dealer_is_solution=True)
        with self.assertRaisesRegex(UserError, "SAL-03"):
            order.with_user(self.technician).dealer_technical_comment = "Early"
        order.with_user(self.salesperson).action_dealer_request_technical_review()
        with self.assertRaisesRegex(UserError, "Only the Technical"):
            order.with_user(self.salesperson).dealer_technical_comment = "Looks good"
        self._approve(order)
        with self.assertRaisesRegex(UserError, "SAL-03"):
            order.with_user(self.technician).dealer_technical_comment = "Changed"
        self.assertIn("650 W", order.dealer_technical_comment)

    def test_sal_03_solution_stays_a_solution_once_asked(self):
        order = self._solution()
        order.with_user(self.technician).dealer_technical_comment = "No"
        order.with_user(self.technician).action_dealer_technical_reject()
        with self.assertRaisesRegex(UserError, "SAL-03"):
            order.with_user(self.salesperson).dealer_is_solution = False
        with self.assertRaisesRegex(UserError, "SAL-03"):
            order.with_user(self.salesperson).action_confirm()
        # Positive control: a quotation never sent to Technical may be unticked.
        draft = self._quotation(dealer_is_solution=True)
        draft.with_user(self.salesperson).dealer_is_solution = False
        self.assertEqual(draft.dealer_technical_state, "none")

    def test_sal_03_changed_solution_is_reviewed_again(self):
        order = self._solution()
        self._approve(order)
        line = order.order_line.with_user(self.salesperson)
        line.write({"product_uom_qty": line.product_uom_qty})  # no change
        self.assertEqual(order.dealer_technical_state, "approved")
        line.product_uom_qty = 30
        self.assertEqual(order.dealer_technical_state, "draft")
        with self.assertRaisesRegex(UserError, "SAL-03"):
            order.with_user(self.salesperson).action_confirm()
        order.with_user(self.salesperson).action_dealer_request_technical_review()
        self._approve(order)
        order.with_user(self.salesperson).action_confirm()
        self.assertEqual(order.state, "sale")

    # ------------------------------------------------------------------ SAL-09, SAL-20
    def test_sal_09_sal_20_review_flags_are_governed(self):
        order = self._big_order()
        as_sales = order.with_user(self.salesperson)
        with self.assertRaisesRegex(UserError, "SAL-09"):
            as_sales.dealer_contract_review_required = False
        with self.assertRaisesRegex(UserError, "SAL-20"):
            as_sales.dealer_legal_review_required = False
        message = self._load_error(
            self.env["sale.order"].with_user(self.salesperson),
            [".id", "dealer_contract_review_required"],
            [[str(order.id), "0"]],
        )
        self.assertIn("SAL-09", message)
        with self.assertRaisesRegex(UserError, "SAL-09"):
            self._quotation(
                product=self.workstation, qty=10, dealer_contract_review_required=False
            )
        self.assertTrue(order.dealer_contract_review_required)
        self.assertTrue(order.dealer_legal_review_required)

    def test_sal_09_every_contract_is_reviewed_by_default(self):
        """issue 16: the manual reviews every sales contract; the threshold
        defaults to zero and a company may raise it."""
        company = self.env["res.company"].create({"name": "Guangzhou Office"})
        self.assertEqual(company.dealer_contract_review_amount, 0)
        self.company.dealer_contract_review_amount = 0
        order = self._quotation()
        self.assertTrue(order.dealer_contract_review_required)
        with self.assertRaisesRegex(UserError, "SAL-19"):
            order.with_user(self.salesperson).action_confirm()

    def test_sal_09_settings_apply_forward(self):
        """Saving the settings reaches open quotations not under review, never
        confirmed orders nor contracts under review."""
        confirmed = self._quotation()
        confirmed.with_user(self.salesperson).action_confirm()
        under_review = self._big_order()
        under_review.with_user(self.salesperson).request_validation()
        open_quote = self._quotation()
        self.assertFalse(open_quote.dealer_contract_review_required)
        settings = self.env["res.config.settings"].create({})
        settings.dealer_contract_review_amount = 0
        settings.dealer_contract_legal_review = False
        settings.execute()
        self.env.flush_all()
        self.assertFalse(confirmed.dealer_contract_review_required)
        self.assertTrue(under_review.dealer_legal_review_required)
        self.assertTrue(open_quote.dealer_contract_review_required)
        self.assertFalse(open_quote.dealer_legal_review_required)

    def test_sal_09_reviewed_lines_are_locked(self):
        """What was reviewed is confirmed: lines under review do not change by
        any route, nor with OCA's context key."""
        order = self._big_order()
        order.with_user(self.salesperson).request_validation()
        line = order.order_line.with_user(self.salesperson)
        with self.assertRaisesRegex(UserError, "SAL-09"):
            line.price_unit = 1
        with self.assertRaisesRegex(UserError, "SAL-09"):
            self.env["sale.order.line"].with_user(self.salesperson).create(
                {"order_id": order.id, "product_id": self.mouse.id}
            )
        with self.assertRaisesRegex(UserError, "SAL-09"):
            line.unlink()
        with self.assertRaises(ValidationError):
            order.with_user(self.salesperson).with_context(
                skip_validation_check=True
            ).write({"order_line": [Command.update(line.id, {"price_unit": 1})]})
        self.assertEqual(line.price_unit, 5000)
        # Positive control: once restarted, the quotation is edited again.
        order.with_user(self.salesperson).restart_validation()
        line.price_unit = 4900
        self.assertEqual(line.price_unit, 4900)

    def test_sal_04_signed_contract_holds_on_a_state_write(self):
        order = self._big_order()
        order.with_user(self.salesperson).request_validation()
        self._validate(order, self.sales_manager)
        self._validate(order, self.legal)
        self.assertEqual(order.validation_status, "validated")
        with self.assertRaisesRegex(UserError, "SAL-04"):
            order.with_user(self.salesperson).write({"state": "sale"})
        with self.assertRaisesRegex(UserError, "SAL-04"):
            order.with_user(self.salesperson).sudo().action_confirm()
        order.dealer_signed_contract_ids = [Command.link(self._attachment(order).id)]
        order.with_user(self.salesperson).action_confirm()
        self.assertEqual(order.state, "sale")

    def test_sal_25_manager_never_approves_own_contract(self):
        order = self._big_order(user=self.sales_manager)
        self.company.dealer_contract_legal_review = False
        order.dealer_signed_contract_ids = [Command.link(self._attachment(order).id)]
        # Confirming directly would validate the manager's own tier.
        with self.assertRaisesRegex(UserError, "SAL-25"):
            order.with_user(self.sales_manager).action_confirm()
        order.with_user(self.sales_manager).request_validation()
        with self.assertRaisesRegex(UserError, "SAL-25"):
            self._validate(order, self.sales_manager)
        self._validate(order, self.other_manager)
        order.with_user(self.sales_manager).action_confirm()
        self.assertEqual(order.state, "sale")

    @freeze_time("2026-12-01")
    def test_sal_09_sal_17_forged_reviews_are_refused(self):
        """The requester cannot mark a tier review approved, add or delete one
        (dealer_approval protects tier.review); the reviewer's validation is
        the route."""
        order = self._big_order()
        order.with_user(self.salesperson).request_validation()
        change = self._price_change(84)
        change.with_user(self.salesperson).request_validation()
        for document in (order, change):
            reviews = document.review_ids.with_user(self.salesperson)
            with self.subTest(document=document._name):
                with self.assertRaises(AccessError):
                    reviews.write(
                        {"status": "approved", "done_by": self.sales_manager.id}
                    )
                with self.assertRaises(AccessError):
                    reviews.unlink()
                with self.assertRaises(AccessError):
                    reviews.create(
                        {
                            "model": document._name,
                            "res_id": document.id,
                            "definition_id": reviews[:1].definition_id.id,
                            "status": "approved",
                        }
                    )
        self.assertNotEqual(order.validation_status, "validated")
        self.assertEqual(change.state, "draft")
        # Positive control: the Sales Manager's validation approves the change.
        self._validate(change, self.sales_manager)
        self.assertEqual(change.state, "approved")

    def test_sal_04_draft_quotation_is_deleted_as_odoo_allows(self):
        """Positive control: the Sales Manager deletes a draft quotation as in
        Odoo (its tier reviews, none, go with it); a confirmed order is not
        deleted."""
        draft = self._quotation()
        draft.with_user(self.sales_manager).unlink()
        self.assertFalse(draft.exists())
        confirmed = self._quotation()
        confirmed.with_user(self.salesperson).action_confirm()
        with self.assertRaisesRegex(UserError, "cancel it"):
            confirmed.with_user(self.sales_manager).unlink()

    def test_sal_02_budget_bad_input(self):
        with self.assertRaisesRegex(ValidationError, "SAL-02"):
            self._quotation(dealer_need_budget=-1)
        with self.assertRaisesRegex(ValidationError, "Budget"):
            self._quotation(dealer_need_budget=float("nan"))

    # ------------------------------------------------------------------ SAL-17
    def test_sal_17_list_price_changes_only_through_a_price_change(self):
        template = self.mouse.product_tmpl_id
        # Sales staff cannot write products at all; the managers who can, and
        # the Sales Manager who approves prices, go through price changes too.
        for user in (self.sales_manager, self.purchasing_manager):
            with self.subTest(user=user.login):
                with self.assertRaisesRegex(UserError, "SAL-17"):
                    template.with_user(user).list_price = 90
        with self.assertRaisesRegex(UserError, "SAL-17"):
            self.mouse.with_user(self.sales_manager).lst_price = 90
        with self.assertRaisesRegex(UserError, "SAL-17"):
            self.mouse.with_user(self.sales_manager).write({"list_price": 90})
        # The context key that used to switch the check off is gone.
        with self.assertRaisesRegex(UserError, "SAL-17"):
            template.with_user(self.sales_manager).with_context(
                dealer_price_change_apply=True
            ).list_price = 90
        with self.assertRaisesRegex(UserError, "SAL-17"):
            template.with_user(self.sales_manager).with_context(
                dealer_governed="server"
            ).list_price = 90
        message = self._load_error(
            self.env["product.template"].with_user(self.sales_manager),
            [".id", "list_price"],
            [[str(template.id), "90"]],
        )
        self.assertIn("SAL-17", message)
        self.assertEqual(template.list_price, 80)
        # Positive controls: a new product gets its first price; re-saving the
        # same price is no change.
        new = (
            self.env["product.template"]
            .with_user(self.sales_manager)
            .create({"name": "USB hub", "list_price": 99})
        )
        self.assertEqual(new.list_price, 99)
        template.with_user(self.sales_manager).write({"list_price": 80})

    def test_sal_17_variant_extra_price_is_kept(self):
        attribute = self.env["product.attribute"].create(
            {"name": "Colour", "value_ids": [Command.create({"name": "Black"})]}
        )
        template = self.env["product.template"].create(
            {
                "name": "Keyboard",
                "list_price": 199,
                "attribute_line_ids": [
                    Command.create(
                        {
                            "attribute_id": attribute.id,
                            "value_ids": [Command.set(attribute.value_ids.ids)],
                        }
                    )
                ],
            }
        )
        value = template.attribute_line_ids.product_template_value_ids
        with self.assertRaisesRegex(UserError, "SAL-17"):
            value.with_user(self.sales_manager).price_extra = 20
        self.assertEqual(value.price_extra, 0)

    @freeze_time("2026-12-01")
    def test_sal_17_price_change_state_and_facts_are_governed(self):
        change = self._price_change(84)
        as_sales = change.with_user(self.salesperson)
        for vals, rule in (
            ({"state": "approved"}, "SAL-17"),
            ({"current_price": 10}, "SAL-17"),
            ({"change_percent": 1}, "SAL-17"),
            ({"admin_approval_required": True}, "SAL-17"),
            ({"user_id": self.sales_manager.id}, "SAL-17"),
            ({"applied_on": "2026-12-02 00:00:00"}, "SAL-17"),
            ({"notified_partner_ids": [Command.set(self.customer.ids)]}, "SAL-18"),
        ):
            with self.subTest(vals=vals), self.assertRaisesRegex(UserError, rule):
                as_sales.write(vals)
        with self.assertRaisesRegex(UserError, "SAL-17"):
            self._price_change(84, user_id=self.sales_manager.id)
        message = self._load_error(
            self.env["dealer.price.change"].with_user(self.sales_manager),
            [".id", "state"],
            [[str(change.id), "approved"]],
        )
        self.assertIn("SAL-17", message)

    @freeze_time("2026-12-01")
    def test_sal_17_cancelled_change_is_never_approved(self):
        change = self._price_change(84)
        change.with_user(self.salesperson).request_validation()
        with self.assertRaisesRegex(UserError, "why"):
            change.with_user(self.salesperson).action_cancel()
        change.with_user(self.salesperson).cancel_reason = "Supplier withdrew"
        change.with_user(self.salesperson).action_cancel()
        self.assertEqual(change.state, "cancel")
        self.assertEqual(change.cancelled_by_id, self.salesperson)
        for user in (self.salesperson, self.sales_manager, self.admin_manager):
            with self.subTest(user=user.login):
                with self.assertRaisesRegex(UserError, "SAL-17"):
                    change.with_user(user).write({"state": "approved"})
        with self.assertRaisesRegex(UserError, "SAL-17"):
            change.with_user(self.sales_manager).cancel_reason = "Other reason"
        self.assertFalse(change.review_ids, "cancelling dropped the reviews")
        self.assertEqual(change.state, "cancel")

    @freeze_time("2026-12-01")
    def test_sal_17_approved_change_is_what_applies(self):
        change = self._price_change(84)
        change.with_user(self.salesperson).request_validation()
        with self.assertRaises(ValidationError):
            change.with_user(self.salesperson).with_context(
                skip_validation_check=True
            ).new_price = 60
        self._validate(change, self.sales_manager)
        self.assertEqual(change.state, "approved")
        for vals in (
            {"new_price": 60},
            {"effective_date": "2026-12-10"},
            {"product_tmpl_id": self.workstation.product_tmpl_id.id},
        ):
            with self.subTest(vals=vals), self.assertRaisesRegex(UserError, "SAL-17"):
                change.with_user(self.sales_manager).write(vals)
        # An announced change is cancelled by a Sales Manager only.
        change.with_user(self.salesperson).cancel_reason = "Market fell"
        with self.assertRaisesRegex(UserError, "SAL-18"):
            change.with_user(self.salesperson).action_cancel()
        with freeze_time("2026-12-20"):
            self.env["dealer.price.change"]._cron_apply()
        self.assertEqual(self.mouse.list_price, 84)
        self.assertEqual(change.state, "applied")
        self.assertEqual(change.current_price, 80)

    @freeze_time("2026-12-01")
    def test_sal_17_price_changes_are_kept(self):
        draft = self._price_change(84)
        draft.with_user(self.sales_manager).unlink()
        self.assertFalse(draft.exists())
        reviewed = self._price_change(84)
        reviewed.with_user(self.salesperson).request_validation()
        with self.assertRaisesRegex(UserError, "SAL-17"):
            reviewed.with_user(self.sales_manager).unlink()
        self._validate(reviewed, self.sales_manager)
        with freeze_time("2026-12-20"):
            self.env["dealer.price.change"]._cron_apply()
        self.assertEqual(reviewed.state, "applied")
        for target in (reviewed.with_user(self.sales_manager), reviewed.sudo()):
            with self.assertRaisesRegex(UserError, "SAL-17"):
                target.unlink()

    @freeze_time("2026-12-01")
    def test_sal_17_settings_apply_forward(self):
        under_review = self._price_change(84)  # +5 %
        under_review.with_user(self.salesperson).request_validation()
        draft = self._price_change(84)
        self.assertFalse(draft.admin_approval_required)
        self.company.dealer_price_admin_percent = 1.0
        self.env.flush_all()
        self.assertFalse(under_review.admin_approval_required)
        self.assertTrue(draft.admin_approval_required)

    @freeze_time("2026-12-01")
    def test_sal_17_bad_input(self):
        with self.assertRaisesRegex(ValidationError, "SAL-17"):
            self._price_change(-5)
        with self.assertRaisesRegex(ValidationError, "SAL-17"):
            self._price_change(84, reason="   ")
        with self.assertRaisesRegex(ValidationError, "SAL-17"):
            self._price_change(84, market_price=-1)
        with self.assertRaisesRegex(ValidationError, "SAL-18"):
            self._price_change(84, effective_date="2026-11-01")
        with self.assertRaises(ValidationError):
            self._price_change(float("inf"))

    @freeze_time("2026-12-01")
    def test_sal_17_company_consistency(self):
        other = self.env["res.company"].create({"name": "Guangzhou Office"})
        product = self.env["product.template"].create(
            {"name": "Office licence", "list_price": 500, "company_id": other.id}
        )
        with self.assertRaisesRegex(UserError, "Incompatible companies"):
            self.env["dealer.price.change"].create(
                {
                    "product_tmpl_id": product.id,
                    "new_price": 520,
                    "effective_date": "2026-12-20",
                    "reason": "Licence price list of the publisher",
                }
            )

    def _price_change(self, price, user=None, **values):
        return (
            self.env["dealer.price.change"]
            .with_user(user or self.salesperson)
            .create(
                dict(
                    {
                        "product_tmpl_id": self.mouse.product_tmpl_id.id,
                        "new_price": price,
                        "effective_date": "2026-12-20",
                        "reason": "Supplier raised its price",
                    },
                    **values,
                )
            )
        )

    # ------------------------------------------------------------------ SAL-16
    def _channel_evaluation(self):
        self.customer.write(
            {
                "dealer_channel_role": "distributor",
                "dealer_agreement_start": "2026-01-01",
            }
        )
        return (
            self.env["dealer.channel.evaluation"]
            .with_user(self.salesperson)
            .create(
                {
                    "partner_id": self.customer.id,
                    "date_from": "2026-01-01",
                    "date_to": "2026-06-30",
                }
            )
        )

    def test_sal_16_evaluation_facts_and_decision_are_governed(self):
        evaluation = self._channel_evaluation()
        as_sales = evaluation.with_user(self.salesperson)
        for vals in (
            {"state": "done"},
            {"sales_amount": 1e6},
            {"order_count": 99},
            {"returned_qty": 5},
            {"evaluator_id": self.sales_manager.id},
        ):
            with self.subTest(vals=vals), self.assertRaisesRegex(UserError, "SAL-16"):
                as_sales.write(vals)
        with self.assertRaisesRegex(ValidationError, "SAL-16"):
            as_sales.complaint_count = -1
        with self.assertRaisesRegex(ValidationError, "SAL-16"):
            as_sales.date_to = "2025-12-31"
        as_sales.write({"decision": "continue", "comment": "Steady growth"})
        evaluation.with_user(self.sales_manager).action_done()
        manager = evaluation.with_user(self.sales_manager)
        with self.assertRaisesRegex(UserError, "SAL-16"):
            manager.decision = "terminate"
        with self.assertRaisesRegex(UserError, "SAL-16"):
            manager.action_compute()
        with self.assertRaisesRegex(UserError, "SAL-16"):
            manager.unlink()
        draft = self._channel_evaluation()
        draft.with_user(self.sales_manager).unlink()
        self.assertFalse(draft.exists())

    def test_sal_16_termination_only_by_its_action(self):
        self._channel_evaluation()
        for user in (self.salesperson, self.sales_manager):
            with self.subTest(user=user.login):
                with self.assertRaisesRegex(UserError, "SAL-16"):
                    self.customer.with_user(user).dealer_channel_terminated = True
        with self.assertRaisesRegex(UserError, "Sales Manager"):
            self.customer.with_user(self.salesperson).action_dealer_terminate_channel()
        self.customer.with_user(self.sales_manager).action_dealer_terminate_channel()
        self.assertTrue(self.customer.dealer_channel_terminated)
        with self.assertRaisesRegex(UserError, "SAL-16"):
            self.customer.with_user(
                self.sales_manager
            ).dealer_channel_terminated = False

    # ------------------------------------------------------------------ SAL-12, SAL-13
    def _invoice(self):
        invoice = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.customer.id,
                "invoice_user_id": self.salesperson.id,
                "invoice_date": "2026-03-01",
                "invoice_date_due": "2026-03-31",
                "invoice_line_ids": [
                    Command.create(
                        {"product_id": self.mouse.id, "quantity": 1, "price_unit": 80}
                    )
                ],
            }
        )
        invoice.action_post()
        return invoice

    def test_sal_12_collection_step_is_set_by_the_schedule(self):
        invoice = self._invoice()
        with self.assertRaisesRegex(UserError, "SAL-12"):
            invoice.with_user(self.accountant).dealer_collection_step = "escalated"
        with freeze_time("2026-04-01"):
            self.env["account.move"]._cron_dealer_collection()
        self.assertEqual(invoice.dealer_collection_step, "reminder")
        with self.assertRaisesRegex(UserError, "SAL-12"):
            invoice.with_user(self.accountant).dealer_collection_step = "none"

    def test_sal_13_difficulty_must_say_something(self):
        invoice = self._invoice()
        invoice.dealer_payment_difficulty = " \n "
        with self.assertRaisesRegex(UserError, "SAL-13"):
            invoice.with_user(self.salesperson).action_dealer_report_difficulty()

    def test_sal_12_settings_bad_input(self):
        for vals, rule in (
            ({"dealer_collection_call_days": -3}, "SAL-12"),
            ({"dealer_collection_call_days": 40}, "SAL-12"),
            ({"dealer_contract_review_amount": -1}, "SAL-09"),
            ({"dealer_price_admin_percent": float("nan")}, "SAL-17"),
            ({"dealer_channel_evaluation_months": 0}, "SAL-16"),
        ):
            with (
                self.subTest(vals=vals),
                self.assertRaisesRegex(ValidationError, rule),
                self.env.cr.savepoint(),
            ):
                self.company.write(vals)
            self.env.invalidate_all()
