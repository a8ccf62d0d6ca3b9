# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.dealer_base.tools import (
    has_words,
    policy_on,
    policy_records,
)

# States in which an order is confirmed: PUR-09 and PUR-15 are checked on the
# way in, whatever route (button, write of state, import) takes it there.
CONFIRMING_STATES = ("to approve", "purchase", "done")
CONFIRMED_STATES = ("purchase", "done")
# Fields of a line that make the terms a Legal Reviewer approved (PUR-15).
CONTRACT_LINE_FIELDS = (
    "product_id",
    "name",
    "product_qty",
    "product_uom",
    "price_unit",
    "discount",
    "taxes_id",
    "date_planned",
    "display_type",
)


class PurchaseOrder(models.Model):
    _inherit = ["purchase.order", "dealer.governed.mixin", "dealer.decision.mixin"]
    # The contract review a refused approval names (dealer_approval).
    _dealer_approval_rule = "PUR-15"
    _name = "purchase.order"

    # Fields only this addon's actions change (dealer.governed.mixin).
    _dealer_governed = {
        "dealer_legal_review_required": "PUR-15",
        "dealer_legal_approved_by_id": "PUR-15",
        "dealer_legal_approved_on": "PUR-15",
        "dealer_qualification_override": "PUR-09",
        "dealer_override_user_id": "PUR-09",
        "dealer_override_date": "PUR-09",
        "dealer_override_partner_id": "PUR-09",
    }

    # PUR-14: the clauses a contract states besides lines and dates.
    dealer_framework_agreement = fields.Boolean(
        string="Framework agreement",
        tracking=True,
        help="Framework agreements always go through legal review (PUR-15).",
    )
    dealer_delivery_place = fields.Char(
        string="Delivery place",
        compute="_compute_dealer_delivery_place",
        store=True,
        readonly=False,
    )
    dealer_quality_standard = fields.Text(
        string="Quality standard", help="The standard the goods are accepted against."
    )
    dealer_after_sales_terms = fields.Text(
        string="After-sales service",
        help="Warranty, returns and service the supplier owes.",
    )
    dealer_legal_review_required = fields.Boolean(
        string="Legal review required",
        compute="_compute_dealer_legal_review_required",
        store=True,
        help="From the total in the settings, or a framework agreement (PUR-15). "
        "Kept as it was once the order is sent to review or confirmed.",
    )
    # PUR-15: who approved the terms, recorded by the approval itself.
    dealer_legal_approved_by_id = fields.Many2one(
        "res.users", string="Legal review approved by", readonly=True, copy=False
    )
    dealer_legal_approved_on = fields.Datetime(
        string="Legal review approved on", readonly=True, copy=False
    )
    # PUR-09: a Purchasing Manager's recorded decision to order from a supplier
    # that is not qualified: who, when, why, for which supplier.
    dealer_qualification_override = fields.Text(
        string="Ordered despite qualification because",
        readonly=True,
        tracking=True,
        copy=False,
    )
    dealer_override_user_id = fields.Many2one(
        "res.users", string="Decided by", readonly=True, copy=False
    )
    dealer_override_date = fields.Datetime(
        string="Decided on", readonly=True, copy=False
    )
    dealer_override_partner_id = fields.Many2one(
        "res.partner", string="Decided for supplier", readonly=True, copy=False
    )
    dealer_supplier_status = fields.Selection(
        related="partner_id.commercial_partner_id.dealer_qualification_status",
        string="Supplier qualification",
    )
    dealer_supplier_problem = fields.Text(
        string="Why the supplier cannot be ordered from",
        compute="_compute_dealer_supplier_problem",
    )
    dealer_breach_ids = fields.One2many(
        "dealer.supplier.breach", "purchase_id", string="Breaches"
    )

    @api.depends("picking_type_id")
    def _compute_dealer_delivery_place(self):
        for order in self:
            warehouse = order.picking_type_id.warehouse_id
            order.dealer_delivery_place = (
                warehouse.partner_id.contact_address.replace("\n", ", ").strip(", ")
                if warehouse.partner_id
                else warehouse.name
            )

    @api.depends(
        "amount_total",
        "dealer_framework_agreement",
        "company_id.dealer_legal_review_amount",
    )
    def _compute_dealer_legal_review_required(self):
        for order in self:
            # Settings apply forward: once the order is under review or past
            # the quotation, what was decided then is kept.
            if order._dealer_legal_review_frozen():
                continue
            # A company off the manual reviews no contract (issue 18).
            order.dealer_legal_review_required = (
                policy_on(order) and order._dealer_legal_review_needed()
            )

    def _dealer_legal_review_frozen(self):
        self.ensure_one()
        return bool(self.id) and (
            self._origin.state not in ("draft", "sent") or bool(self.review_ids)
        )

    def _dealer_legal_review_needed(self):
        """PUR-15: every purchase contract from the company's total (zero by
        default: every one), and every framework agreement."""
        self.ensure_one()
        company = self.company_id or self.env.company
        if self.dealer_framework_agreement:
            return True
        total = self.currency_id._convert(
            self.amount_total,
            company.currency_id,
            company,
            self.date_order or fields.Date.context_today(self),
        )
        return total >= company.dealer_legal_review_amount

    def _compute_dealer_supplier_problem(self):
        for order in self:
            order.dealer_supplier_problem = (
                order.partner_id._dealer_check_can_order() if order.partner_id else ""
            ) or False

    # ------------------------------------------------------------------ PUR-14
    def _dealer_missing_clauses(self):
        """PUR-14: specification/model, quantity, price, delivery time and
        place, quality standard, after-sales service."""
        self.ensure_one()
        _ = self.env._
        lines = self.order_line.filtered(lambda ln: not ln.display_type)
        missing = []
        if not lines or any(not (ln.product_id and ln.name) for ln in lines):
            missing.append(_("specification/model"))
        if not lines or any(ln.product_qty <= 0 for ln in lines):
            missing.append(_("quantity"))
        if not lines or any(ln.price_unit <= 0 for ln in lines):
            missing.append(_("price"))
        if not lines or any(not ln.date_planned for ln in lines):
            missing.append(_("delivery time"))
        if not has_words(self.dealer_delivery_place):
            missing.append(_("delivery place"))
        if not has_words(self.dealer_quality_standard):
            missing.append(_("quality standard"))
        if not has_words(self.dealer_after_sales_terms):
            missing.append(_("after-sales service"))
        return missing

    def _dealer_check_clauses(self):
        for order in policy_records(self).filtered("dealer_legal_review_required"):
            missing = order._dealer_missing_clauses()
            if missing:
                raise UserError(
                    self.env._(
                        "%(order)s goes to legal review: state its %(clauses)s "
                        "first (PUR-14).",
                        order=order.name,
                        clauses=", ".join(missing),
                    )
                )

    # ------------------------------------------------------------------ PUR-15
    def _dealer_legal_definition(self):
        return self.env.ref(
            "dealer_purchase.tier_definition_purchase_legal", raise_if_not_found=False
        )

    def _dealer_check_legal_approval(self):
        """PUR-15: an order that needs legal review is confirmed only once a
        Legal Reviewer approved its terms, as the approval recorded it on the
        order (not as review records say: their status is not the decision)."""
        for order in policy_records(self):
            needed = (
                order.dealer_legal_review_required
                or order._dealer_legal_review_needed()
            )
            if needed and not order.dealer_legal_approved_by_id:
                raise ValidationError(
                    self.env._(
                        "%s needs a Legal Reviewer's approval of its terms before "
                        "it is confirmed (PUR-15): request validation.",
                        order.name,
                    )
                )

    def _dealer_approval_authors(self):
        """PUR-15: who prepared the order or asked for its review never
        approves its terms (the check is dealer_approval's)."""
        return super()._dealer_approval_authors() | self.user_id | self.create_uid

    def _validate_tier(self, tiers=False):
        self.ensure_one()
        legal = self._dealer_legal_definition()
        reviews = (tiers or self.review_ids).filtered(
            lambda r: r.definition_id == legal
            and r.status in ("waiting", "pending")
            and self.env.user in r.reviewer_ids
        )
        if reviews:
            if legal.reviewer_group_id not in self.env.user.groups_id:
                raise UserError(
                    self.env._(
                        "Only a Legal Reviewer approves the terms of %s (PUR-15).",
                        self.name,
                    )
                )
        res = super()._validate_tier(tiers=tiers)
        approved = reviews.filtered(
            lambda r: r.status == "approved" and r.done_by == self.env.user
        )
        if approved:
            # sudo: a Legal Reviewer reads orders and does not write them; the
            # approval this user just gave (checked above) is recorded.
            self.sudo().write(
                {
                    "dealer_legal_approved_by_id": self.env.user.id,
                    "dealer_legal_approved_on": fields.Datetime.now(),
                }
            )
        # The tier mixin's computed flags have no dependencies: read them fresh.
        self.invalidate_recordset(["need_validation", "validation_status", "validated"])
        return res

    def restart_validation(self):
        res = super().restart_validation()
        self._dealer_clear_legal_approval()
        return res

    def _dealer_clear_legal_approval(self):
        approved = self.filtered("dealer_legal_approved_by_id")
        if approved:
            approved._dealer_as_action().write(
                {
                    "dealer_legal_approved_by_id": False,
                    "dealer_legal_approved_on": False,
                }
            )

    @api.model
    def _get_under_validation_exceptions(self):
        # The approval's own record, and a manager's decision on the supplier,
        # are written while the order is under review (both governed).
        return super()._get_under_validation_exceptions() + [
            "dealer_legal_approved_by_id",
            "dealer_legal_approved_on",
            "dealer_qualification_override",
            "dealer_override_user_id",
            "dealer_override_date",
            "dealer_override_partner_id",
        ]

    # ------------------------------------------------------------------ actions
    def request_validation(self):
        self._dealer_check_clauses()
        return super().request_validation()

    def button_confirm(self):
        orders = self.filtered(lambda o: o.state in ("draft", "sent"))
        orders._dealer_check_supplier()
        orders._dealer_check_clauses()
        # The tier mixin's computed flags have no dependencies: read them fresh.
        self.invalidate_recordset(["need_validation", "validation_status", "validated"])
        return super().button_confirm()

    # ------------------------------------------------------------------ routes
    @api.model_create_multi
    def create(self, vals_list):
        orders = super().create(vals_list)
        # Created already confirmed (import, RPC): the same checks as the button.
        confirming = orders.filtered(lambda o: o.state in CONFIRMING_STATES)
        confirming._dealer_check_supplier()
        confirming.filtered(
            lambda o: o.state in CONFIRMED_STATES
        )._dealer_check_legal_approval()
        return orders

    def write(self, vals):
        governed = policy_records(self)
        if governed and not governed._dealer_is_trusted():
            # Before the tier mixin, whose "under validation" refusal would
            # not name the rule.
            governed._dealer_check_governed_write(vals)
        state = vals.get("state")
        entering = self.browse()
        if state in CONFIRMING_STATES:
            entering = self.filtered(
                lambda o: o.state != state and o.state not in CONFIRMED_STATES
            )
            # PUR-09 whatever the route: button, write of state, import.
            entering._dealer_check_supplier()
        res = super().write(vals)
        if state in CONFIRMED_STATES:
            entering._dealer_check_legal_approval()
        if state in ("draft", "cancel"):
            # Back to a quotation or cancelled: the reviews are gone (tier
            # validation deletes them), so is the approval they recorded.
            self._dealer_clear_legal_approval()
        if state == "draft":
            # A quotation again: the current settings decide anew.
            self.env.add_to_compute(self._fields["dealer_legal_review_required"], self)
        return res
