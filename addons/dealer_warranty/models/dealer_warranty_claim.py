# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, format_date
from odoo.tools.translate import LazyTranslate

from odoo.addons.dealer_base.tools import has_words

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

    # ------------------------------------------------------------------ helpers
    def _dealer_lock_state(self, states):
        """Re-read the state under a row lock: two users clicking at once must
        not both move the request on (DESIGN: concurrent users)."""
        self.flush_model(["state"])
        self.env.cr.execute(
            SQL(
                "SELECT id, state FROM dealer_warranty_claim WHERE id IN %s FOR UPDATE",
                tuple(self.ids),
            )
        )
        wrong = [row for row in self.env.cr.fetchall() if row[1] not in states]
        if wrong:
            self.invalidate_recordset(["state"])
            raise UserError(
                self.env._(
                    "Request %(name)s was changed by someone else meanwhile; "
                    "reload it.",
                    name=self.browse(wrong[0][0]).name,
                )
            )

    def _dealer_check_window(self, kind):
        """Refuse outside the window unless a manager overrides with a reason."""
        self.ensure_one()
        result = self.env["dealer.warranty"].check_eligibility(
            lot=self.lot_id or None,
            product=self.product_id,
            partner=self.partner_id,
            date=self.request_date,
            claim_type=kind,
        )
        if result["eligible"]:
            return result
        allowed = self.company_id.dealer_warranty_allow_override
        manager = self.env.user.has_group("dealer_base.group_after_sales_manager")
        # sudo: the reason is a manager-only field; the requester check below
        # reads who took the request.
        reason = manager and self.sudo().override_reason
        requester = self.sudo().create_uid
        if allowed and manager and has_words(reason) and requester != self.env.user:
            # A recorded decision: who, when and why, in the chatter too
            # (issue 16); never by who took the request.
            decision = self._dealer_decide(
                "warranty_window",
                "ASV-19",
                self.env._(
                    "%(reason)s\n(%(check)s)", reason=reason, check=result["message"]
                ),
                authors=requester,
            )
            self._dealer_as_action().write(
                {
                    "override_user_id": decision.decided_by_id.id,
                    "override_date": decision.decided_on,
                }
            )
            return result
        if not allowed:
            hint = self.env._("Overrides are disabled in the settings.")
        elif manager and requester == self.env.user:
            hint = self.env._(
                "You took this request: another After-sales Manager decides "
                "whether to accept it outside its window."
            )
        elif manager and reason and not has_words(reason):
            hint = self.env._("The override reason must say why, in words.")
        else:
            hint = self.env._(
                "An After-sales Manager may accept it anyway by filling in the "
                "override reason."
            )
        raise UserError(
            self.env._(
                "Request %(name)s cannot be accepted (ASV-19): %(message)s %(hint)s",
                name=self.name,
                message=result["message"],
                hint=hint,
            )
        )

    def _dealer_warehouse(self):
        self.ensure_one()
        warehouse = self.warranty_id.picking_id.picking_type_id.warehouse_id
        warehouse = warehouse or self.env["stock.warehouse"].search(
            [("company_id", "=", self.company_id.id)], limit=1
        )
        if not (
            warehouse.dealer_pending_location_id
            and warehouse.dealer_nonconforming_location_id
        ):
            raise UserError(
                self.env._(
                    "Warehouse %(warehouse)s has no inspection zones: returned "
                    "units must wait in the pending-inspection area (ASV-20). "
                    "Enable them on the warehouse.",
                    warehouse=warehouse.display_name,
                )
            )
        return warehouse

    def _dealer_warehouse_contact(self, warehouse):
        """Who hears of the claim in the warehouse (ASV-21): its head."""
        return (
            self.company_id._dealer_department_head("warehouse")
            or self.user_id
            or self.env.user
        )

    def _dealer_picking_values(self, picking_type, source, destination):
        self.ensure_one()
        return {
            "picking_type_id": picking_type.id,
            "partner_id": self.partner_id.id,
            "location_id": source.id,
            "location_dest_id": destination.id,
            "origin": self.name,
            "company_id": self.company_id.id,
            "dealer_warranty_claim_id": self.id,
            "move_ids": [
                fields.Command.create(
                    {
                        "name": self.product_id.display_name,
                        "product_id": self.product_id.id,
                        "product_uom_qty": self.quantity,
                        "product_uom": self.product_id.uom_id.id,
                        "location_id": source.id,
                        "location_dest_id": destination.id,
                        "company_id": self.company_id.id,
                    }
                )
            ],
        }

    def _dealer_set_lot(self, picking):
        """The claimed serial, not any unit of the product, moves."""
        self.ensure_one()
        if not self.lot_id:
            return
        for move in picking.move_ids:
            move.move_line_ids.unlink()
            self.env["stock.move.line"].create(
                {
                    "move_id": move.id,
                    "picking_id": picking.id,
                    "product_id": move.product_id.id,
                    "product_uom_id": move.product_uom.id,
                    "lot_id": self.lot_id.id,
                    "quantity": move.product_uom_qty,
                    "location_id": move.location_id.id,
                    "location_dest_id": move.location_dest_id.id,
                }
            )

    def _dealer_new_picking(self, picking_type, source, destination, lot=True):
        # The link to the request is governed on transfers (it exempts them
        # from the supplier receipt acceptance): set by this action only.
        picking = (
            self.env["stock.picking"]
            ._dealer_as_action()
            .create(self._dealer_picking_values(picking_type, source, destination))
            .with_env(self.env)
        )
        picking.action_confirm()
        if lot and self.lot_id:
            self._dealer_set_lot(picking)
        else:
            picking.action_assign()
        picking.activity_schedule(
            "mail.mail_activity_data_todo",
            summary=_lt("Request %s: process this transfer", self.name),
            user_id=self._dealer_warehouse_contact(
                picking.picking_type_id.warehouse_id
            ).id,
        )
        return picking

    def _dealer_create_return_picking(self):
        """The unit comes back into the pending-inspection area (ASV-20)."""
        self.ensure_one()
        warehouse = self._dealer_warehouse()
        pending = warehouse.dealer_pending_location_id
        delivery = self.warranty_id.move_id.picking_id
        if delivery and delivery.state == "done":
            wizard = self.env["stock.return.picking"].create(
                {"picking_id": delivery.id}
            )
            for line in wizard.product_return_moves:
                line.quantity = (
                    self.quantity if line.move_id == self.warranty_id.move_id else 0.0
                )
            picking = wizard._create_return()
            picking._dealer_as_action().write(
                {"location_dest_id": pending.id, "dealer_warranty_claim_id": self.id}
            )
            # Delivered quantities change only once a refund is decided, not
            # when a unit merely comes back for inspection.
            picking.move_ids.write({"location_dest_id": pending.id, "to_refund": False})
        else:
            picking = (
                self.env["stock.picking"]
                ._dealer_as_action()
                .create(
                    self._dealer_picking_values(
                        warehouse.in_type_id,
                        self.env.ref("stock.stock_location_customers"),
                        pending,
                    )
                )
                .with_env(self.env)
            )
            picking.action_confirm()
        self._dealer_set_lot(picking)
        return picking

    # ------------------------------------------------------------------ actions
    def _dealer_check_after_sales(self):
        """ASV-20: After-sales accepts and inspects requests; Sales takes them."""
        self.check_access("write")
        if not (
            self.env.su or self.env.user.has_group("dealer_base.group_after_sales_user")
        ):
            raise UserError(
                self.env._(
                    "After-sales accepts and inspects return and exchange "
                    "requests (ASV-20)."
                )
            )

    def action_confirm(self):
        """Accept the request: check the window, then expect the unit back."""
        self._dealer_check_after_sales()
        self._dealer_lock_state(["draft"])
        for claim in self:
            claim._dealer_check_window(claim.claim_type)
            picking = claim._dealer_create_return_picking()
            claim._dealer_as_action().write(
                {"state": "to_receive", "return_picking_id": picking.id}
            )
        return True

    def _dealer_on_returned(self):
        """The unit is in the pending-inspection area: inspect it (ASV-20)."""
        for claim in self.filtered(lambda c: c.state == "to_receive"):
            claim._dealer_as_action().write({"state": "to_inspect"})
            claim.activity_schedule(
                "dealer_warranty.mail_activity_type_claim_inspection",
                user_id=(claim.user_id or self.env.user).id,
            )

    def _dealer_check_inspection(self):
        for claim in self:
            if not has_words(claim.inspection_note):
                raise UserError(
                    self.env._(
                        "Request %(name)s: write the inspection findings first "
                        "(ASV-20).",
                        name=claim.name,
                    )
                )

    def action_quality_confirmed(self):
        """Inspection confirmed a quality problem: apply the outcome (ASV-20)."""
        self._dealer_check_after_sales()
        self._dealer_lock_state(["to_inspect"])
        self._dealer_check_inspection()
        for claim in self:
            if not claim.resolution:
                raise UserError(
                    self.env._("Request %(name)s: choose the outcome.", name=claim.name)
                )
            claim._dealer_check_window(claim.resolution)
            claim._dealer_as_action().write(
                {
                    "state": "processing",
                    "inspected_by_id": self.env.user.id,
                    "inspected_on": fields.Datetime.now(),
                }
            )
            getattr(claim, f"_dealer_resolve_{claim.resolution}")()
            claim._dealer_inform_sales()
            claim.activity_feedback(
                ["dealer_warranty.mail_activity_type_claim_inspection"],
                feedback=claim.inspection_note,
            )
        return True

    def action_no_quality_problem(self):
        """No fault found: the request is refused and the unit goes back."""
        self._dealer_check_after_sales()
        self._dealer_lock_state(["to_inspect"])
        self._dealer_check_inspection()
        for claim in self:
            claim._dealer_as_action().write(
                {
                    "state": "rejected",
                    "inspected_by_id": self.env.user.id,
                    "inspected_on": fields.Datetime.now(),
                }
            )
            claim._dealer_ship_back()
            claim._dealer_inform_sales()
            claim.activity_feedback(
                ["dealer_warranty.mail_activity_type_claim_inspection"],
                feedback=claim.inspection_note,
            )
        return True

    def action_cancel(self):
        """Cancel, keeping the request with who and why (ASV-19)."""
        self.check_access("write")
        self._dealer_lock_state(["draft", "to_receive"])
        for claim in self:
            if not has_words(claim.cancel_reason):
                raise UserError(
                    self.env._(
                        "Request %(name)s: write in words why it is cancelled "
                        "first (Cancellation reason).",
                        name=claim.name,
                    )
                )
        self.return_picking_id.filtered(lambda p: p.state != "done").action_cancel()
        self._dealer_as_action().write(
            {
                "state": "cancel",
                "cancel_user_id": self.env.user.id,
                "cancel_date": fields.Datetime.now(),
            }
        )
        for claim in self:
            claim.message_post(
                body=self.env._(
                    "Cancelled by %(user)s: %(reason)s",
                    user=self.env.user.name,
                    reason=claim.cancel_reason,
                )
            )
        return True

    def action_draft(self):
        """Take a cancelled request up again; its cancellation stays in the
        chatter."""
        self.check_access("write")
        self._dealer_lock_state(["cancel"])
        self._dealer_as_action().write(
            {
                "state": "draft",
                "return_picking_id": False,
                "cancel_reason": False,
                "cancel_user_id": False,
                "cancel_date": False,
            }
        )
        return True

    # ------------------------------------------------------------------ outcomes
    def _dealer_to_nonconforming(self):
        warehouse = self._dealer_warehouse()
        return self._dealer_new_picking(
            warehouse.int_type_id,
            warehouse.dealer_pending_location_id,
            warehouse.dealer_nonconforming_location_id,
        )

    def _dealer_resolve_return(self):
        """Refund: the faulty unit is non-conforming, the warranty ends, and
        Sales issues the credit note from the order (returned quantity)."""
        self._dealer_to_nonconforming()
        moves = self.return_picking_id.move_ids.filtered(lambda m: not m.to_refund)
        if moves:
            moves.write({"to_refund": True})
            lines = moves.sale_line_id
            self.env.add_to_compute(lines._fields["qty_delivered"], lines)
        # After-sales decides the refund; the warranty itself is read-only to them.
        warranty = self.warranty_id.sudo()
        if warranty.is_serial or self.quantity >= warranty.quantity:
            warranty._dealer_void(
                self.env._("Returned for a refund under request %s", self.name)
            )
        else:
            # Part of an untracked quantity: the rest stays under warranty.
            qty, total = f"{self.quantity:g}", f"{warranty.quantity:g}"
            warranty.message_post(
                body=self.env._(
                    "%(qty)s of %(total)s units returned for a refund under "
                    "request %(name)s.",
                    qty=qty,
                    total=total,
                    name=self.name,
                )
            )

    def _dealer_resolve_exchange(self):
        """Exchange: a replacement unit leaves stock; its delivery carries the
        warranty over (see stock.picking._action_done)."""
        self._dealer_to_nonconforming()
        warehouse = self._dealer_warehouse()
        replacement = self._dealer_new_picking(
            warehouse.out_type_id,
            warehouse.lot_stock_id,
            self.env.ref("stock.stock_location_customers"),
            lot=False,
        )
        self._dealer_as_action().write({"replacement_picking_id": replacement.id})

    def _dealer_resolve_repair(self):
        """Repair: the unit is repaired where it waits, free under warranty."""
        warehouse = self._dealer_warehouse()
        pending = warehouse.dealer_pending_location_id
        # The link to the request is governed on repairs (it dates the
        # coverage and releases the unit from pending): set by this action.
        repair = (
            self.env["repair.order"]
            ._dealer_as_action()
            .create(
                {
                    "product_id": self.product_id.id,
                    "product_qty": self.quantity,
                    "lot_id": self.lot_id.id,
                    "partner_id": self.partner_id.id,
                    "picking_type_id": warehouse.repair_type_id.id,
                    "location_id": pending.id,
                    "product_location_src_id": pending.id,
                    "product_location_dest_id": pending.id,
                    "dealer_warranty_claim_id": self.id,
                    "schedule_date": fields.Datetime.now(),
                    "user_id": (self.user_id or self.env.user).id,
                    "internal_notes": self.inspection_note,
                }
            )
            .with_env(self.env)
        )
        self._dealer_as_action().write({"repair_id": repair.id})

    def _dealer_ship_back(self):
        """The customer's own unit goes back (rejected, or repaired)."""
        warehouse = self._dealer_warehouse()
        return self._dealer_new_picking(
            warehouse.out_type_id,
            warehouse.dealer_pending_location_id,
            self.env.ref("stock.stock_location_customers"),
        )

    def _dealer_inform_sales(self):
        """ASV-21: Sales hears of every return and exchange."""
        self.ensure_one()
        labels = dict(self._fields["resolution"]._description_selection(self.env))
        if self.state == "rejected":
            summary = _lt(
                "Request %s: no quality problem found, the unit goes back", self.name
            )
        else:
            summary = _lt(
                "Request %(name)s: %(outcome)s decided",
                name=self.name,
                outcome=labels[self.resolution],
            )
        note = ""
        if self.state != "rejected" and self.resolution == "return":
            note = _lt("Issue the credit note from the sale order.")
        self.activity_schedule(
            "mail.mail_activity_data_todo",
            summary=summary,
            note=note,
            user_id=(self.salesperson_id or self.user_id or self.env.user).id,
        )

    def _dealer_after_picking_done(self, picking):
        """Move the request on when one of its transfers is done."""
        self.ensure_one()
        if picking == self.return_picking_id:
            self._dealer_on_returned()
        elif picking == self.replacement_picking_id:
            line = picking.move_line_ids.filtered("quantity")[:1]
            if line and line.lot_id:
                new = self.warranty_id._dealer_transfer_to(line, self)
                self._dealer_as_action().write({"new_warranty_id": new.id})
            elif line:
                # Untracked units are interchangeable: the warranty goes on.
                qty = f"{self.quantity:g}"
                self.warranty_id.sudo().message_post(
                    body=self.env._(
                        "%(qty)s units replaced under request %(name)s; the "
                        "warranty goes on.",
                        qty=qty,
                        name=self.name,
                    )
                )
        self._dealer_check_done()

    def _dealer_on_repaired(self):
        for claim in self.filtered(lambda c: c.state == "processing"):
            claim._dealer_ship_back()

    def _dealer_check_done(self):
        for claim in self.filtered(lambda c: c.state == "processing"):
            open_pickings = claim.picking_ids.filtered(
                lambda p: p.state not in ("done", "cancel")
            )
            repair_open = claim.repair_id and claim.repair_id.state != "done"
            if not open_pickings and not repair_open:
                claim._dealer_as_action().write({"state": "done"})

    # ------------------------------------------------------------------ quality
    @api.model
    def _dealer_quality_claim_counts(self, products, date_from=None, date_to=None):
        """Requests whose inspection confirmed a quality problem, per product:
        the figure product quality and supplier evaluation read.

        :return: {product.product id: count}
        """
        domain = [
            ("product_id", "in", products.ids),
            ("state", "in", ("processing", "done")),
        ]
        if date_from:
            domain.append(("request_date", ">=", date_from))
        if date_to:
            domain.append(("request_date", "<=", date_to))
        return {
            product.id: count
            for product, count in self._read_group(domain, ["product_id"], ["__count"])
        }

    # ------------------------------------------------------------------ navigation
    def action_view_pickings(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "stock.action_picking_tree_all"
        )
        action["domain"] = [("dealer_warranty_claim_id", "in", self.ids)]
        action["context"] = {"create": False}
        if len(self.picking_ids) == 1:
            action.update(
                views=[(False, "form")], view_mode="form", res_id=self.picking_ids.id
            )
        return action

    def action_view_repair(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": "repair.order",
            "res_id": self.repair_id.id,
            "view_mode": "form",
        }
