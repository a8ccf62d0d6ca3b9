# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_date
from odoo.tools.translate import LazyTranslate

from .dealer_warranty import CLAIM_TYPES

STATES = [
    ("draft", "Draft"),
    ("to_receive", "Awaiting Return"),
    ("to_inspect", "Inspection"),
    ("processing", "Processing"),
    ("done", "Done"),
    ("rejected", "No Quality Problem"),
    ("cancel", "Cancelled"),
]

_lt = LazyTranslate(__name__)


class DealerWarrantyClaim(models.Model):
    """A customer's return, exchange or warranty repair request (ASV-19..21)."""

    _name = "dealer.warranty.claim"
    _description = "Return / Exchange Request"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "dealer.warranty.guard",
        "dealer.decision.mixin",
    ]
    _order = "request_date desc, id desc"
    _check_company_auto = True

    # What the windows are judged on and what the request's steps decided:
    # only the request's own actions change them, on every route (ASV-19/20).
    _dealer_governed = {
        "state": "ASV-20",
        "request_date": "ASV-19",
        "warranty_id": "ASV-19",
        "sale_order_id": "ASV-21",
        "override_user_id": "ASV-19",
        "override_date": "ASV-19",
        "inspected_by_id": "ASV-20",
        "inspected_on": "ASV-20",
        "return_picking_id": "ASV-20",
        "replacement_picking_id": "ASV-21",
        "repair_id": "ASV-20",
        "new_warranty_id": "ASV-21",
        "cancel_user_id": "ASV-19",
        "cancel_date": "ASV-19",
    }
    # The manual keeps requests: cancel them, with who and why, instead.
    _dealer_keep_rule = "ASV-19"

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    state = fields.Selection(
        STATES,
        required=True,
        default="draft",
        readonly=True,
        tracking=True,
        index=True,
        copy=False,
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        tracking=True,
        check_company=True,
        domain="[('share', '=', False)]",
    )
    lot_id = fields.Many2one(
        "stock.lot",
        string="Lot/Serial Number",
        tracking=True,
        check_company=True,
        help="The serial of the unit the customer brings back.",
    )
    product_id = fields.Many2one(
        "product.product",
        compute="_compute_product_id",
        store=True,
        precompute=True,
        readonly=False,
        required=True,
        tracking=True,
        check_company=True,
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        compute="_compute_partner_id",
        store=True,
        precompute=True,
        readonly=False,
        required=True,
        tracking=True,
        check_company=True,
    )
    warranty_id = fields.Many2one(
        "dealer.warranty",
        compute="_compute_warranty_id",
        store=True,
        precompute=True,
        readonly=True,
        index=True,
        tracking=True,
        check_company=True,
    )
    sale_order_id = fields.Many2one(related="warranty_id.sale_order_id", store=True)
    salesperson_id = fields.Many2one(
        related="warranty_id.sale_order_id.user_id", string="Salesperson"
    )
    quantity = fields.Float(default=1.0, digits="Product Unit of Measure")
    claim_type = fields.Selection(
        CLAIM_TYPES,
        string="Request",
        required=True,
        default="exchange",
        tracking=True,
        help="What the customer asks for; each has its own window (ASV-19).",
    )
    resolution = fields.Selection(
        CLAIM_TYPES,
        string="Outcome",
        compute="_compute_resolution",
        store=True,
        precompute=True,
        readonly=False,
        tracking=True,
        help="Decided at inspection: refund, exchange or repair.",
    )
    request_date = fields.Date(
        required=True,
        default=fields.Date.context_today,
        readonly=True,
        copy=False,
        tracking=True,
        help="The day the customer made the request, set when it is recorded: "
        "the windows are judged on this day, not on the day of inspection.",
    )
    description = fields.Text(string="Problem reported")
    eligibility_message = fields.Char(
        compute="_compute_eligibility", string="Warranty check"
    )
    is_eligible = fields.Boolean(compute="_compute_eligibility")
    # Manager override of a closed window (company setting): a recorded
    # decision, who, when and why, never by whoever took the request.
    override_reason = fields.Text(
        groups="dealer_base.group_after_sales_manager",
        tracking=True,
        copy=False,
        help="Why this request is accepted outside its window.",
    )
    override_user_id = fields.Many2one(
        "res.users", string="Override decided by", readonly=True, copy=False
    )
    override_date = fields.Datetime(
        string="Override decided on", readonly=True, copy=False
    )
    # Inspection in the pending-inspection area (ASV-20).
    inspection_note = fields.Text(
        string="Inspection findings", tracking=True, copy=False
    )
    inspected_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    inspected_on = fields.Datetime(readonly=True, copy=False)
    # Cancellation: who and why (the request itself is kept).
    cancel_reason = fields.Text(
        string="Cancellation reason",
        tracking=True,
        copy=False,
        help="Why the request is cancelled; required to cancel it.",
    )
    cancel_user_id = fields.Many2one(
        "res.users", string="Cancelled by", readonly=True, copy=False
    )
    cancel_date = fields.Datetime(string="Cancelled on", readonly=True, copy=False)
    # Documents.
    picking_ids = fields.One2many("stock.picking", "dealer_warranty_claim_id")
    picking_count = fields.Integer(compute="_compute_picking_count")
    return_picking_id = fields.Many2one(
        "stock.picking", readonly=True, copy=False, check_company=True
    )
    replacement_picking_id = fields.Many2one(
        "stock.picking", readonly=True, copy=False, check_company=True
    )
    repair_id = fields.Many2one(
        "repair.order", readonly=True, copy=False, check_company=True
    )
    new_warranty_id = fields.Many2one(
        "dealer.warranty",
        string="Replacement warranty",
        readonly=True,
        copy=False,
        check_company=True,
    )

    _sql_constraints = [
        (
            "quantity_positive",
            "CHECK(quantity > 0)",
            "Quantity: a request is for more than zero units (ASV-19).",
        )
    ]

    # ------------------------------------------------------------------ computes
    @api.depends("lot_id")
    def _compute_product_id(self):
        for claim in self.filtered("lot_id"):
            claim.product_id = claim.lot_id.product_id

    @api.depends("warranty_id")
    def _compute_partner_id(self):
        for claim in self.filtered(lambda c: c.warranty_id and not c.partner_id):
            claim.partner_id = claim.warranty_id.partner_id

    @api.depends("lot_id", "product_id", "partner_id", "request_date")
    def _compute_warranty_id(self):
        Warranty = self.env["dealer.warranty"]
        for claim in self:
            if claim.state not in ("draft", False) and claim.warranty_id:
                continue
            claim.warranty_id = Warranty._dealer_find(
                lot=claim.lot_id,
                product=claim.product_id,
                partner=claim.partner_id,
                date=claim.request_date,
            )

    @api.depends("claim_type")
    def _compute_resolution(self):
        for claim in self:
            claim.resolution = claim.claim_type

    @api.depends("warranty_id", "request_date", "claim_type", "partner_id", "lot_id")
    def _compute_eligibility(self):
        Warranty = self.env["dealer.warranty"]
        for claim in self:
            if not (claim.lot_id or claim.product_id):
                claim.eligibility_message = False
                claim.is_eligible = False
                continue
            result = Warranty.check_eligibility(
                lot=claim.lot_id or None,
                product=claim.product_id,
                partner=claim.partner_id or None,
                date=claim.request_date,
                claim_type=claim.claim_type,
            )
            claim.eligibility_message = result["message"]
            claim.is_eligible = result["eligible"]

    @api.depends("picking_ids")
    def _compute_picking_count(self):
        for claim in self:
            claim.picking_count = len(claim.picking_ids)

    # ------------------------------------------------------------------ CRUD
    @api.model_create_multi
    def create(self, vals_list):
        # Governed values are refused before anything else (a sequence number
        # drawn, a unit looked up).
        self._dealer_without_caller_defaults()._dealer_check_governed_create(vals_list)
        for vals in vals_list:
            self._dealer_check_quantity_value(vals)
            self._dealer_check_request_date_value(vals)
            # A clear refusal before the database's "missing customer".
            if not vals.get("warranty_id"):
                self.new(vals)._check_known_unit()
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code("dealer.warranty.claim") or "/"
                )
        return super().create(vals_list)

    def write(self, vals):
        self._dealer_check_quantity_value(vals)
        self._dealer_check_request_date_value(vals)
        return super().write(vals)

    def _dealer_settled_fields(self):
        """What the request's steps settled (ASV-19, ASV-20): the unit and the
        request once accepted, the outcome and findings once decided, the
        reason of a recorded decision."""
        settled = {"name": "ASV-19"}
        if self.state != "draft":
            settled.update(
                dict.fromkeys(
                    (
                        "lot_id",
                        "product_id",
                        "partner_id",
                        "quantity",
                        "claim_type",
                        "company_id",
                    ),
                    "ASV-19",
                )
            )
        if self.state not in ("draft", "to_receive", "to_inspect"):
            settled["resolution"] = "ASV-20"
        if self.state != "to_inspect":
            settled["inspection_note"] = "ASV-20"
        if self.override_user_id or self.state not in (
            "draft",
            "to_receive",
            "to_inspect",
        ):
            settled["override_reason"] = "ASV-19"
        if self.state not in ("draft", "to_receive"):
            settled["cancel_reason"] = "ASV-19"
        return settled

    @api.model
    def _dealer_check_request_date_value(self, vals):
        """On every route, trusted ones too: a request is not dated in the
        future (ASV-19). Checked on the value given, not as a constraint: the
        day it was made does not move into the future later."""
        day = vals.get("request_date")
        if day and fields.Date.to_date(day) > fields.Date.context_today(self):
            raise ValidationError(
                self.env._(
                    "Request Date: %(date)s is in the future; a request is "
                    "dated the day the customer makes it (ASV-19).",
                    date=format_date(self.env, fields.Date.to_date(day)),
                )
            )

    @api.model
    def _dealer_check_quantity_value(self, vals):
        """Checked before the database's own check, to name field and rule."""
        quantity = vals.get("quantity")
        if isinstance(quantity, int | float) and not quantity > 0:
            raise ValidationError(
                self.env._(
                    "Quantity: a request is for more than zero units, not "
                    "%(qty)s (ASV-19).",
                    qty=quantity,
                )
            )

    @api.constrains("warranty_id", "lot_id", "product_id")
    def _check_known_unit(self):
        for claim in self.filtered(lambda c: not c.warranty_id):
            result = self.env["dealer.warranty"].check_eligibility(
                lot=claim.lot_id or None,
                product=claim.product_id,
                partner=claim.partner_id or None,
            )
            raise ValidationError(
                self.env._(
                    "%(message)s A return, exchange or repair request needs a "
                    "unit we delivered (ASV-19).",
                    message=result["message"],
                )
            )

    @api.constrains("request_date", "warranty_id")
    def _check_request_date(self):
        """On every route, trusted ones too: a request is not dated before
        the delivery of its unit (ASV-19)."""
        for claim in self:
            if (
                claim.warranty_id
                and claim.request_date < claim.warranty_id.delivery_date
            ):
                raise ValidationError(
                    self.env._(
                        "Request Date: %(date)s is before the delivery of the unit "
                        "on %(delivery)s (ASV-19).",
                        date=format_date(self.env, claim.request_date),
                        delivery=format_date(self.env, claim.warranty_id.delivery_date),
                    )
                )

    @api.constrains("quantity", "warranty_id")
    def _check_quantity(self):
        for claim in self.filtered("warranty_id"):
            if claim.quantity > claim.warranty_id.quantity:
                qty = f"{claim.quantity:g}"
                covered = f"{claim.warranty_id.quantity:g}"
                raise ValidationError(
                    self.env._(
                        "Quantity: %(qty)s units are more than the %(covered)s "
                        "under warranty %(warranty)s (ASV-19).",
                        qty=qty,
                        covered=covered,
                        warranty=claim.warranty_id.name,
                    )
                )
