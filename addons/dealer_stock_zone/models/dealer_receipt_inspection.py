# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2 import OperationalError

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL, float_compare, float_is_zero


def _members_of(group_xmlid):
    """Domain of the users of a department group, for an inspector field."""
    return lambda self: [("groups_id", "in", self.env.ref(group_xmlid).id)]


class DealerReceiptInspection(models.Model):
    """Acceptance of one receipt (PUR-07, STK-07): goods wait in the
    pending-inspection area until it is validated; then accepted quantities go
    to stock and rejected ones to the non-conforming area (STK-09)."""

    _name = "dealer.receipt.inspection"
    _description = "Receipt Acceptance"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "id desc"
    _check_company_auto = True

    name = fields.Char(required=True, copy=False, readonly=True, default="/")
    picking_id = fields.Many2one(
        "stock.picking",
        string="Receipt",
        required=True,
        readonly=True,
        index=True,
        check_company=True,
        ondelete="restrict",
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        readonly=True,
        default=lambda self: self.env.company,
    )
    partner_id = fields.Many2one(
        "res.partner", string="Supplier", related="picking_id.partner_id", store=True
    )
    origin = fields.Char(
        string="Source Document", related="picking_id.origin", store=True
    )
    warehouse_id = fields.Many2one(
        "stock.warehouse",
        related="picking_id.picking_type_id.warehouse_id",
        store=True,
    )
    date_received = fields.Datetime(
        string="Received", related="picking_id.date_done", store=True
    )
    state = fields.Selection(
        [("draft", "To inspect"), ("done", "Validated"), ("cancel", "Cancelled")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    warehouse_inspector_id = fields.Many2one(
        "res.users",
        string="Warehouse inspector",
        tracking=True,
        domain=_members_of("dealer_base.group_warehouse_user"),
        default=lambda self: self._default_warehouse_inspector(),
    )
    technical_inspector_id = fields.Many2one(
        "res.users",
        string="Technical inspector",
        tracking=True,
        domain=_members_of("dealer_base.group_technical_user"),
    )
    purchasing_inspector_id = fields.Many2one(
        "res.users",
        string="Purchasing inspector",
        tracking=True,
        domain=_members_of("dealer_base.group_purchasing_user"),
    )
    purchasing_required = fields.Boolean(
        compute="_compute_purchasing_required",
        help="Purchasing signs when a counted quantity differs from the expected "
        "one, or always if the company says so.",
    )
    line_ids = fields.One2many(
        "dealer.receipt.inspection.line", "inspection_id", string="Lines", copy=True
    )
    photo_ids = fields.Many2many("ir.attachment", string="Photos")
    note = fields.Html()
    date_validated = fields.Datetime(readonly=True, copy=False, tracking=True)
    validated_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    move_ids = fields.One2many(
        "stock.move", "dealer_inspection_id", string="Stock moves", readonly=True
    )
    qty_expected = fields.Float(
        string="Expected", compute="_compute_totals", store=True
    )
    qty_counted = fields.Float(string="Counted", compute="_compute_totals", store=True)
    qty_accepted = fields.Float(
        string="Accepted", compute="_compute_totals", store=True
    )
    qty_rejected = fields.Float(
        string="Rejected", compute="_compute_totals", store=True
    )

    _sql_constraints = [
        ("picking_unique", "unique (picking_id)", "A receipt has one acceptance."),
    ]

    @api.model
    def _default_warehouse_inspector(self):
        user = self.env.user
        if not self.env.su and user.has_group("dealer_base.group_warehouse_user"):
            return user
        return self.env["res.users"]

    # ------------------------------------------------------------------ computes
    @api.depends(
        "line_ids.is_discrepancy", "company_id.dealer_purchasing_cosign_always"
    )
    def _compute_purchasing_required(self):
        for inspection in self:
            inspection.purchasing_required = (
                inspection.company_id.dealer_purchasing_cosign_always
                or any(inspection.line_ids.mapped("is_discrepancy"))
            )

    @api.depends(
        "line_ids.qty_expected",
        "line_ids.qty_counted",
        "line_ids.qty_accepted",
        "line_ids.qty_rejected",
    )
    def _compute_totals(self):
        for inspection in self:
            lines = inspection.line_ids
            inspection.qty_expected = sum(lines.mapped("qty_expected"))
            inspection.qty_counted = sum(lines.mapped("qty_counted"))
            inspection.qty_accepted = sum(lines.mapped("qty_accepted"))
            inspection.qty_rejected = sum(lines.mapped("qty_rejected"))

    # ---------------------------------------------------------------------- CRUD
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code("dealer.receipt.inspection")
                    or "/"
                )
        return super().create(vals_list)

    def write(self, vals):
        # Data safety: the status moves only through the actions, and a validated
        # acceptance keeps what was found (notes and photos may still be added).
        if "state" in vals and not self.env.context.get("dealer_inspection_action"):
            raise UserError(
                self.env._(
                    "The status of an acceptance changes only by validating or "
                    "cancelling it (STK-09)."
                )
            )
        editable_when_done = {"note", "photo_ids"}
        if any(inspection.state == "done" for inspection in self) and any(
            not (
                fname in editable_when_done
                or fname.startswith(("message_", "activity_"))
            )
            for fname in vals
        ):
            raise UserError(
                self.env._("A validated acceptance cannot be changed (STK-10).")
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_validated(self):
        if any(inspection.state == "done" for inspection in self):
            raise UserError(
                self.env._("A validated acceptance is kept for good (STK-10).")
            )

    # ------------------------------------------------------------------- actions
    def action_validate(self):
        """Book the result: accepted quantities into stock, rejected ones into the
        non-conforming area, in one transaction (STK-09, STK-10)."""
        self.ensure_one()
        if not self.env.user.has_group("dealer_base.group_warehouse_user"):
            raise AccessError(
                self.env._(
                    "Only the Warehouse department validates acceptances (STK-07)."
                )
            )
        self._lock_for_validation()
        if not self.warehouse_inspector_id:
            # The warehouse member who validates is the warehouse inspector.
            self.warehouse_inspector_id = self.env.user
        self._check_ready()
        moves = self._create_result_moves()
        self.with_context(dealer_inspection_action=True).write(
            {
                "state": "done",
                "date_validated": fields.Datetime.now(),
                "validated_by_id": self.env.user.id,
            }
        )
        self.message_post(
            body=self.env._(
                "Acceptance validated: %(accepted)s accepted, %(rejected)s rejected.",
                accepted=self.qty_accepted,
                rejected=self.qty_rejected,
            )
        )
        return moves

    def action_cancel(self):
        self._check_warehouse_manager()
        for inspection in self:
            if inspection.state == "done":
                raise UserError(
                    self.env._("A validated acceptance cannot be cancelled (STK-10).")
                )
        self.with_context(dealer_inspection_action=True).state = "cancel"

    def action_reset_to_draft(self):
        self._check_warehouse_manager()
        self.filtered(lambda i: i.state == "cancel").with_context(
            dealer_inspection_action=True
        ).state = "draft"

    def _check_warehouse_manager(self):
        if not self.env.user.has_group("dealer_base.group_warehouse_manager"):
            raise AccessError(
                self.env._("Only a Warehouse Manager cancels an acceptance (STK-09).")
            )

    # -------------------------------------------------------------- validation
    def _lock_for_validation(self):
        """Refuse a second validation, also when two users click at once."""
        self.flush_recordset(["state"])
        name = self.name  # read now: a refused lock aborts the transaction
        try:
            self.env.cr.execute(
                SQL(
                    "SELECT id FROM dealer_receipt_inspection "
                    "WHERE id = %s AND state = 'draft' FOR UPDATE NOWAIT",
                    self.id,
                )
            )
        except OperationalError as error:
            raise UserError(
                self.env._("%s is being validated by someone else.", name)
            ) from error
        if not self.env.cr.fetchone():
            raise UserError(self.env._("%s is already validated or cancelled.", name))
        self.invalidate_recordset(["state"])

    def _check_ready(self):
        missing = []
        if not self.warehouse_inspector_id:
            missing.append(self._fields["warehouse_inspector_id"].string)
        if not self.technical_inspector_id:
            missing.append(self._fields["technical_inspector_id"].string)
        if self.purchasing_required and not self.purchasing_inspector_id:
            missing.append(self._fields["purchasing_inspector_id"].string)
        if missing:
            raise ValidationError(
                self.env._(
                    "%(name)s needs its inspectors before validation: %(fields)s "
                    "(PUR-07: warehouse, technical and, on a discrepancy, purchasing "
                    "inspect together).",
                    name=self.name,
                    fields=", ".join(missing),
                )
            )
        if not self.line_ids:
            raise ValidationError(self.env._("%s has no line to accept.", self.name))
        self.line_ids._check_ready()

    # ------------------------------------------------------------------- moves
    def _create_result_moves(self):
        warehouse = self.warehouse_id
        pending = self.picking_id.location_dest_id
        if pending.dealer_zone_type != "pending_inspection":
            raise UserError(
                self.env._(
                    "Receipt %s did not land in a pending-inspection area.",
                    self.picking_id.name,
                )
            )
        supplier_location = self.picking_id.location_id
        nonconforming = warehouse.dealer_nonconforming_location_id
        corrections, results = [], []
        for line in self.line_ids:
            rounding = line.uom_rounding
            difference = line.qty_counted - line.qty_expected
            if float_compare(difference, 0, precision_rounding=rounding) > 0:
                # Over-delivery kept by purchasing's decision: book the extra units.
                corrections.append((line, supplier_location, pending, difference))
            elif float_compare(difference, 0, precision_rounding=rounding) < 0:
                # Short delivery: the missing units never arrived.
                corrections.append((line, pending, supplier_location, -difference))
            if not float_is_zero(line.qty_accepted, precision_rounding=rounding):
                results.append(
                    (line, pending, warehouse.lot_stock_id, line.qty_accepted)
                )
            if not float_is_zero(line.qty_rejected, precision_rounding=rounding):
                results.append((line, pending, nonconforming, line.qty_rejected))
        return self._done_moves(corrections) | self._done_moves(results)

    def _done_moves(self, transfers):
        """Create and finish at once the moves of (line, source, destination,
        quantity) tuples."""
        if not transfers:
            return self.env["stock.move"]
        Move = self.env["stock.move"].with_context(dealer_inspection_validation=True)
        moves = Move.create(
            [
                line._prepare_move_vals(source, dest, quantity)
                for line, source, dest, quantity in transfers
            ]
        )
        moves._action_confirm()
        move_line_vals = []
        for move, (line, _source, _dest, quantity) in zip(
            moves, transfers, strict=True
        ):
            ml_vals = move._prepare_move_line_vals(quantity=quantity)
            ml_vals["lot_id"] = line.lot_id.id
            # Putaway chooses the common or special parts area (STK-02, STK-05).
            ml_vals["location_dest_id"] = move.location_dest_id._get_putaway_strategy(
                move.product_id, quantity=quantity
            ).id
            move_line_vals.append(ml_vals)
        self.env["stock.move.line"].create(move_line_vals)
        moves.picked = True
        moves._action_done()
        return moves
