# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.dealer_base.tools import (
    has_words,
    policy_on,
    policy_records,
)

TECHNICAL_REVIEW_STATES = [
    ("none", "Not needed"),
    ("draft", "To request"),
    ("requested", "Requested"),
    ("approved", "Approved"),
    ("rejected", "Rejected"),
]
# Once Technical was asked, the quotation stays a solution (SAL-03).
TECHNICAL_ASKED = ("requested", "approved", "rejected")
QUOTATION_STATES = ("draft", "sent")


class SaleOrder(models.Model):
    _name = "sale.order"
    _inherit = ["sale.order", "dealer.governed.mixin", "dealer.decision.mixin"]
    # The contract review a refused approval names (dealer_approval).
    _dealer_approval_rule = "SAL-25"

    # Fields only this addon's actions change (dealer_base's guard): the
    # technical review's decision and who asked for it (SAL-03), and the
    # contract review the order needs, decided from the settings (SAL-09,
    # SAL-20, SAL-25) and kept once the order left quotation.
    _dealer_governed = {
        "dealer_technical_state": "SAL-03",
        "dealer_technical_requester_id": "SAL-03",
        "dealer_technical_reviewer_id": "SAL-03",
        "dealer_technical_date": "SAL-03",
        "dealer_contract_review_required": "SAL-09",
        "dealer_legal_review_required": "SAL-20",
    }

    # SAL-02: the customer's needs.
    dealer_need_function = fields.Text(string="Function needed")
    dealer_need_configuration = fields.Text(string="Configuration")
    dealer_need_quantity = fields.Char(string="Quantity needed")
    dealer_need_budget = fields.Monetary(string="Budget", currency_field="currency_id")
    dealer_need_scenario = fields.Text(string="Usage scenario")
    # SAL-03: solutions are co-authored and approved by Technical.
    dealer_is_solution = fields.Boolean(
        string="Solution quotation",
        tracking=True,
        help="A personalised solution: Technical reviews it before it is sent.",
    )
    dealer_technical_state = fields.Selection(
        TECHNICAL_REVIEW_STATES,
        string="Technical review",
        compute="_compute_dealer_technical_state",
        store=True,
        readonly=True,
        tracking=True,
        copy=False,
    )
    dealer_technical_requester_id = fields.Many2one(
        "res.users",
        string="Technical review requested by",
        readonly=True,
        copy=False,
        help="Who asked Technical to review the solution: never its reviewer.",
    )
    dealer_technical_reviewer_id = fields.Many2one(
        "res.users", string="Technical reviewer", readonly=True, copy=False
    )
    dealer_technical_comment = fields.Text(string="Technical comments", copy=False)
    dealer_technical_date = fields.Datetime(readonly=True, copy=False)
    # SAL-19, SAL-20, SAL-25: contract review.
    dealer_contract_review_required = fields.Boolean(
        compute="_compute_dealer_contract_review_required",
        store=True,
        string="Contract review required",
    )
    dealer_legal_review_required = fields.Boolean(
        compute="_compute_dealer_contract_review_required",
        store=True,
        string="Legal review required",
    )
    dealer_after_sales_terms = fields.Text(string="After-sales service")
    dealer_signed_contract_ids = fields.Many2many(
        "ir.attachment",
        "sale_order_dealer_signed_contract_rel",
        string="Signed contract",
        copy=False,
    )

    @api.constrains("dealer_need_budget")
    def _check_dealer_need_budget(self):
        if any(order.dealer_need_budget < 0 for order in self):
            raise ValidationError(
                self.env._(
                    "%(field)s cannot be negative (SAL-02).",
                    field=self._fields["dealer_need_budget"]._description_string(
                        self.env
                    ),
                )
            )

    @api.depends("dealer_is_solution")
    def _compute_dealer_technical_state(self):
        for order in self:
            if not order.dealer_is_solution:
                order.dealer_technical_state = "none"
            elif order.dealer_technical_state in (False, "none"):
                order.dealer_technical_state = "draft"

    def _dealer_contract_review_frozen(self):
        """Settings apply forward: once the contract review was requested or
        the order left quotation, what it needed stays as it was decided."""
        self.ensure_one()
        origin = self._origin
        return bool(origin) and (
            origin.state not in QUOTATION_STATES or bool(origin.review_ids)
        )

    # The company's settings are no dependency: saving them recomputes open
    # quotations only (res.company.write), never confirmed orders.
    @api.depends("amount_total", "currency_id", "company_id")
    def _compute_dealer_contract_review_required(self):
        for order in self:
            if order._dealer_contract_review_frozen():
                continue
            if not policy_on(order):
                # A company off the manual reviews no contract: no tier
                # applies, confirming is Odoo's own (issue 18).
                order.dealer_contract_review_required = False
                order.dealer_legal_review_required = False
                continue
            company = order.company_id or self.env.company
            amount = order.amount_total
            if order.currency_id and order.currency_id != company.currency_id:
                amount = order.currency_id._convert(
                    amount,
                    company.currency_id,
                    company,
                    order.date_order or fields.Date.context_today(order),
                )
            # SAL-09, SAL-20, SAL-25: every contract is reviewed unless the
            # company raised the amount from which it is.
            required = amount >= company.dealer_contract_review_amount
            order.dealer_contract_review_required = required
            order.dealer_legal_review_required = (
                required and company.dealer_contract_legal_review
            )

    # The signed contract and the technical review come after the contract
    # review started; they never change what was reviewed.
    _DEALER_FREE_FIELDS = [
        "dealer_signed_contract_ids",
        "dealer_technical_state",
        "dealer_technical_comment",
        "dealer_technical_requester_id",
        "dealer_technical_reviewer_id",
        "dealer_technical_date",
    ]

    @api.model
    def _get_under_validation_exceptions(self):
        return super()._get_under_validation_exceptions() + self._DEALER_FREE_FIELDS

    @api.model
    def _get_after_validation_exceptions(self):
        return super()._get_after_validation_exceptions() + self._DEALER_FREE_FIELDS

    def _tier_validation_check_state_on_write(self, vals):
        # Data files and scheduled actions confirm as the system, which no
        # reviewer is; every user, and sudo() on a user's behalf, is checked.
        if self._dealer_is_system():
            return None
        return super()._tier_validation_check_state_on_write(vals)

    def _dealer_is_system(self):
        """The system itself (data files, scheduled actions), not a user nor
        sudo() run on a user's behalf such as the customer portal."""
        return self.env.uid == SUPERUSER_ID

    # ------------------------------------------------------------------ CRUD
    @api.model_create_multi
    def create(self, vals_list):
        if not self._dealer_is_system() and any(
            vals.get("state") == "sale" and self._dealer_policy_on_create([vals])
            for vals in vals_list
        ):
            raise UserError(
                self.env._(
                    "An order is created as a quotation and confirmed with its "
                    "Confirm button, after its reviews (SAL-04, SAL-09)."
                )
            )
        orders = super().create(vals_list)
        policy_records(
            orders.filtered(lambda o: o.state in ("sent", "sale"))
        )._dealer_check_technical_review()
        return orders

    def write(self, vals):
        # A company off the manual keeps Odoo's own orders (issue 18).
        governed = policy_records(self)
        if governed and not governed._dealer_is_trusted():
            # Before the tier mixin, which reacts to the fields it is given.
            governed._dealer_check_governed_write(vals)
            if "dealer_is_solution" in vals:
                governed._dealer_check_solution_flag(vals["dealer_is_solution"])
            if "dealer_technical_comment" in vals:
                governed._dealer_check_technical_comment(
                    vals["dealer_technical_comment"]
                )
        new_state = vals.get("state")
        moving = self.browse()
        if new_state in ("sent", "sale"):
            # Every way an order is sent or confirmed ends here: the buttons,
            # the mail composer, the portal, a direct write, an import.
            moving = governed.filtered(lambda o: o.state != new_state)
            moving._dealer_check_technical_review()
            if new_state == "sale":
                moving._dealer_check_contract()
                moving._dealer_check_signed_contract()
        res = super().write(vals)
        if new_state == "sale":
            moving._dealer_after_confirm()
        return res

    # ------------------------------------------------------------------ SAL-19
    def _dealer_missing_clauses(self):
        """SAL-19: name, specification/model, quantity, price, delivery time and
        place, payment terms, after-sales service."""
        self.ensure_one()
        _ = self.env._
        lines = self.order_line.filtered(lambda ln: not ln.display_type)
        missing = []
        if not lines or any(not (ln.product_id and ln.name) for ln in lines):
            missing.append(_("name and specification/model"))
        if not lines or any(ln.product_uom_qty <= 0 for ln in lines):
            missing.append(_("quantity"))
        if not lines or any(ln.price_unit <= 0 for ln in lines):
            missing.append(_("price"))
        if not self.commitment_date:
            missing.append(_("delivery time"))
        if not self.partner_shipping_id:
            missing.append(_("delivery place"))
        if not self.payment_term_id:
            missing.append(_("payment terms"))
        if not has_words(self.dealer_after_sales_terms):
            missing.append(_("after-sales service"))
        return missing

    def _dealer_check_contract(self):
        if self._dealer_is_system():
            return
        for order in policy_records(self).filtered("dealer_contract_review_required"):
            missing = order._dealer_missing_clauses()
            if missing:
                raise UserError(
                    self.env._(
                        "%(order)s needs a contract review: state its %(clauses)s "
                        "first (SAL-19).",
                        order=order.name,
                        clauses=", ".join(missing),
                    )
                )

    def _dealer_check_signed_contract(self):
        if self._dealer_is_system():
            return
        for order in policy_records(self).filtered("dealer_contract_review_required"):
            if (
                order.company_id.dealer_contract_signed_required
                and not order.dealer_signed_contract_ids
            ):
                raise UserError(
                    self.env._(
                        "%s: attach the contract signed by both parties before "
                        "confirming (SAL-04, SAL-09).",
                        order.name,
                    )
                )

    def _dealer_approval_authors(self):
        """SAL-25: the Sales Manager reviews the salespeople's contracts; nobody
        approves a contract they sell or asked to have reviewed (the check is
        dealer_approval's)."""
        return super()._dealer_approval_authors() | self.user_id

    def restart_validation(self):
        res = super().restart_validation()
        # No review left: what the order needs follows today's settings again.
        quotations = self.filtered(lambda o: o.state in QUOTATION_STATES)
        for fname in (
            "dealer_contract_review_required",
            "dealer_legal_review_required",
        ):
            self.env.add_to_compute(self._fields[fname], quotations)
        return res

    def request_validation(self):
        self._dealer_check_contract()
        return super().request_validation()

    def action_confirm(self):
        # The tier mixin's computed flags have no dependencies: read them fresh.
        self.invalidate_recordset(["need_validation", "validation_status", "validated"])
        return super().action_confirm()
