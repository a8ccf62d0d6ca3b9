# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

TECHNICAL_REVIEW_STATES = [
    ("none", "Not needed"),
    ("draft", "To request"),
    ("requested", "Requested"),
    ("approved", "Approved"),
    ("rejected", "Rejected"),
]


def _first_user_of(env, xmlid, company):
    """A member of the department for the company; the administrator, who is in
    every group, only when nobody else is."""
    users = env.ref(xmlid).sudo().users.filtered(lambda u: company in u.company_ids)
    admins = env.ref("base.user_admin") | env.ref("base.user_root")
    return ((users - admins) or users).sorted("id")[:1]


class SaleOrder(models.Model):
    _inherit = "sale.order"

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
        compute="_compute_dealer_contract_review_required", store=True
    )
    dealer_after_sales_terms = fields.Text(string="After-sales service")
    dealer_signed_contract_ids = fields.Many2many(
        "ir.attachment",
        "sale_order_dealer_signed_contract_rel",
        string="Signed contract",
        copy=False,
    )

    @api.depends("dealer_is_solution")
    def _compute_dealer_technical_state(self):
        for order in self:
            if not order.dealer_is_solution:
                order.dealer_technical_state = "none"
            elif order.dealer_technical_state in (False, "none"):
                order.dealer_technical_state = "draft"

    @api.depends(
        "amount_total",
        "company_id.dealer_contract_review_amount",
        "company_id.dealer_contract_legal_review",
    )
    def _compute_dealer_contract_review_required(self):
        for order in self:
            threshold = order.company_id.dealer_contract_review_amount
            required = (
                bool(threshold)
                and order.currency_id._convert(
                    order.amount_total,
                    order.company_id.currency_id,
                    order.company_id,
                    order.date_order or fields.Date.context_today(order),
                )
                >= threshold
            )
            order.dealer_contract_review_required = required
            order.dealer_legal_review_required = (
                required and order.company_id.dealer_contract_legal_review
            )

    # The signed contract and the technical review come after the contract
    # review started; they never change what was reviewed.
    _DEALER_FREE_FIELDS = [
        "dealer_signed_contract_ids",
        "dealer_technical_state",
        "dealer_technical_comment",
        "dealer_technical_reviewer_id",
        "dealer_technical_date",
    ]

    @api.model
    def _get_under_validation_exceptions(self):
        return super()._get_under_validation_exceptions() + self._DEALER_FREE_FIELDS

    @api.model
    def _get_after_validation_exceptions(self):
        return super()._get_after_validation_exceptions() + self._DEALER_FREE_FIELDS

    # ------------------------------------------------------------------ SAL-03
    def action_dealer_request_technical_review(self):
        for order in self:
            if order.dealer_technical_state not in ("draft", "rejected"):
                raise UserError(
                    self.env._("%s is not waiting for a technical review.", order.name)
                )
            order.dealer_technical_state = "requested"
            reviewer = _first_user_of(
                self.env, "dealer_base.group_technical_manager", order.company_id
            )
            order.activity_schedule(
                "dealer_sale.mail_activity_type_technical_review",
                user_id=(reviewer or self.env.user).id,
            )
        return True

    def _dealer_technical_decision(self, state):
        if not self.env.user.has_group("dealer_base.group_technical_user"):
            raise UserError(
                self.env._("Only the Technical department reviews solutions (SAL-03).")
            )
        for order in self:
            if order.dealer_technical_state != "requested":
                raise UserError(
                    self.env._("%s has no technical review requested.", order.name)
                )
            if not (order.dealer_technical_comment or "").strip():
                raise UserError(
                    self.env._(
                        "%s: write the technical comments first (SAL-03).", order.name
                    )
                )
            order.write(
                {
                    "dealer_technical_state": state,
                    "dealer_technical_reviewer_id": self.env.user.id,
                    "dealer_technical_date": fields.Datetime.now(),
                }
            )
            order.activity_feedback(
                ["dealer_sale.mail_activity_type_technical_review"],
                feedback=order.dealer_technical_comment,
            )
        return True

    def action_dealer_technical_approve(self):
        return self._dealer_technical_decision("approved")

    def action_dealer_technical_reject(self):
        return self._dealer_technical_decision("rejected")

    def _dealer_check_technical_review(self):
        pending = self.filtered(
            lambda o: o.dealer_is_solution and o.dealer_technical_state != "approved"
        )
        if pending:
            raise UserError(
                self.env._(
                    "%s is a solution quotation: Technical must approve it before "
                    "it is sent or confirmed (SAL-03).",
                    pending[0].name,
                )
            )

    def action_quotation_send(self):
        self._dealer_check_technical_review()
        return super().action_quotation_send()

    def action_quotation_sent(self):
        self._dealer_check_technical_review()
        return super().action_quotation_sent()

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
        if not (self.dealer_after_sales_terms or "").strip():
            missing.append(_("after-sales service"))
        return missing

    def _dealer_check_contract(self):
        for order in self.filtered("dealer_contract_review_required"):
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

    def request_validation(self):
        self._dealer_check_contract()
        return super().request_validation()

    def action_confirm(self):
        self._dealer_check_technical_review()
        self._dealer_check_contract()
        for order in self.filtered("dealer_contract_review_required"):
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
        # The tier mixin's computed flags have no dependencies: read them fresh.
        self.invalidate_recordset(["need_validation", "validation_status", "validated"])
        res = super().action_confirm()
        self._dealer_after_confirm()
        return res

    # ------------------------------------------------------------------ SAL-05, SAL-10
    def _dealer_after_confirm(self):
        for order in self.filtered(lambda o: o.state == "sale"):
            order._dealer_file_contract_copy()
            order._dealer_inform_departments()

    def _dealer_file_contract_copy(self):
        """SAL-10: head office gets a copy of the signed contract."""
        self.ensure_one()
        head_office = self.company_id.dealer_contract_copy_partner_id
        if not head_office:
            return
        self.message_subscribe(partner_ids=head_office.ids)
        self.message_post(
            body=self.env._(
                "Signed contract of %s, filed with head office.", self.name
            ),
            partner_ids=head_office.ids,
            attachment_ids=self.dealer_signed_contract_ids.ids,
            subtype_xmlid="mail.mt_comment",
        )

    def _dealer_inform_departments(self):
        """SAL-05: Purchasing, Warehouse and Technical hear of the order."""
        self.ensure_one()
        _ = self.env._
        lines = self.order_line.filtered(
            lambda ln: ln.product_id and not ln.display_type
        )
        # Free stock of every product in one computation, not one per line.
        stock = lines.product_id.with_context(warehouse_id=self.warehouse_id.id)
        free = dict(zip(stock.ids, stock.mapped("free_qty"), strict=True))
        short = lines.filtered(
            lambda ln: ln.product_id.is_storable
            and free[ln.product_id.id] < ln.product_uom_qty
        )
        install = lines.filtered(lambda ln: ln.product_id.dealer_needs_installation)
        todo = [
            (
                "dealer_base.group_warehouse_manager",
                _("Prepare the delivery of %s", self.name),
                True,
            ),
            (
                "dealer_base.group_purchasing_manager",
                _(
                    "Buy for %(order)s: %(products)s",
                    order=self.name,
                    products=", ".join(short.product_id.mapped("display_name")),
                ),
                bool(short),
            ),
            (
                "dealer_base.group_technical_manager",
                _(
                    "Install or configure for %(order)s: %(products)s",
                    order=self.name,
                    products=", ".join(install.product_id.mapped("display_name")),
                ),
                bool(install),
            ),
        ]
        for xmlid, summary, needed in todo:
            user = _first_user_of(self.env, xmlid, self.company_id)
            if needed and user:
                self.activity_schedule(
                    "mail.mail_activity_data_todo", summary=summary, user_id=user.id
                )
