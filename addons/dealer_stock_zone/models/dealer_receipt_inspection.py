# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta
from markupsafe import Markup
from psycopg2 import OperationalError

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL, float_compare, float_is_zero

from odoo.addons.dealer_base.tools import has_words, period_datetimes

# PUR-07: the departments that inspect an arrival together, each signing with
# its own login, and the field that keeps its signature.
SIGNATURES = {
    "warehouse": "warehouse_inspector_id",
    "technical": "technical_inspector_id",
    "purchasing": "purchasing_inspector_id",
}


def _members_of(group_xmlid):
    """Domain of the users of a department group, for an inspector field."""
    return lambda self: [("groups_id", "in", self.env.ref(group_xmlid).id)]


class DealerReceiptInspection(models.Model):
    """Acceptance of one receipt (PUR-07, STK-07): goods wait in the
    pending-inspection area until it is validated; then accepted quantities go
    to stock and rejected ones to the non-conforming area (STK-09)."""

    _name = "dealer.receipt.inspection"
    _description = "Receipt Acceptance"
    _inherit = ["mail.thread", "mail.activity.mixin", "dealer.governed.mixin"]
    _order = "id desc"
    _check_company_auto = True

    # What the receipt brought and what the acceptance decided change only
    # through the receipt (which opens it) and its actions; signatures only by
    # the signer's own action (PUR-07).
    _dealer_governed = {
        "name": "STK-10",
        "picking_id": "STK-10",
        "company_id": "STK-10",
        "partner_id": "STK-10",
        "origin": "STK-10",
        "warehouse_id": "STK-10",
        "date_received": "STK-10",
        "state": "STK-10",
        "date_validated": "STK-10",
        "validated_by_id": "STK-10",
        "move_ids": "STK-10",
        "qty_expected": "STK-10",
        "qty_counted": "STK-10",
        "qty_accepted": "STK-10",
        "qty_rejected": "STK-10",
        "warehouse_inspector_id": "PUR-07",
        "technical_inspector_id": "PUR-07",
        "purchasing_inspector_id": "PUR-07",
        "joint_acceptance": "PUR-07",
    }
    # STK-10: the register of what was received and accepted is kept; an
    # acceptance that is not needed is cancelled with a reason.
    _dealer_keep_rule = "STK-10"

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
    # STK-10: the register keeps the receipt as it was received, even if the
    # done transfer is edited later.
    partner_id = fields.Many2one(
        "res.partner",
        string="Supplier",
        compute="_compute_receipt_facts",
        store=True,
        index=True,
    )
    origin = fields.Char(
        string="Source Document", compute="_compute_receipt_facts", store=True
    )
    warehouse_id = fields.Many2one(
        "stock.warehouse", compute="_compute_receipt_facts", store=True
    )
    date_received = fields.Datetime(
        string="Received", compute="_compute_receipt_facts", store=True
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
        readonly=True,
        copy=False,
        tracking=True,
        check_company=True,
        domain=_members_of("dealer_base.group_warehouse_user"),
        help="Signed by a Warehouse user with their own login, or by the Warehouse "
        "user who validates (PUR-07).",
    )
    technical_inspector_id = fields.Many2one(
        "res.users",
        string="Technical inspector",
        readonly=True,
        copy=False,
        tracking=True,
        check_company=True,
        domain=_members_of("dealer_base.group_technical_user"),
        help="Signed by a Technical user with their own login (PUR-07).",
    )
    purchasing_inspector_id = fields.Many2one(
        "res.users",
        string="Purchasing inspector",
        readonly=True,
        copy=False,
        tracking=True,
        check_company=True,
        domain=_members_of("dealer_base.group_purchasing_user"),
        help="Signed by a Purchasing user with their own login (PUR-07).",
    )
    joint_acceptance = fields.Boolean(
        readonly=True,
        copy=False,
        help="Whether the company's setting asked Purchasing to sign every "
        "acceptance when this one was validated (PUR-07).",
    )
    purchasing_required = fields.Boolean(
        compute="_compute_purchasing_required",
        help="Purchasing signs every acceptance when the company's Joint acceptance "
        "setting is on (the manual's default), and always on a discrepancy.",
    )
    line_ids = fields.One2many(
        "dealer.receipt.inspection.line", "inspection_id", string="Lines", copy=True
    )
    missing_html = fields.Html(
        string="Still missing",
        compute="_compute_missing_html",
        sanitize=False,
        help="What the acceptance still needs before it can be validated.",
    )
    missing_count = fields.Integer(
        string="Missing items", compute="_compute_missing_html"
    )
    photo_ids = fields.Many2many("ir.attachment", string="Photos")
    note = fields.Html()
    cancel_reason = fields.Char(
        string="Cancellation reason",
        copy=False,
        tracking=True,
        help="Why this acceptance is not carried out (STK-10).",
    )
    date_validated = fields.Datetime(readonly=True, copy=False, tracking=True)
    validated_by_id = fields.Many2one(
        "res.users", readonly=True, copy=False, check_company=True
    )
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
        """The Warehouse user at work, who is asked to inspect what they received."""
        user = self.env.user
        if not self.env.su and user.has_group("dealer_base.group_warehouse_user"):
            return user
        return self.env["res.users"]

    # ------------------------------------------------------------------ computes
    @api.depends("picking_id")
    def _compute_receipt_facts(self):
        for inspection in self:
            picking = inspection.picking_id
            inspection.partner_id = picking.partner_id
            inspection.origin = picking.origin
            inspection.warehouse_id = picking.picking_type_id.warehouse_id
            inspection.date_received = picking.date_done

    @api.depends(
        "state",
        "joint_acceptance",
        "line_ids.is_discrepancy",
        "company_id.dealer_purchasing_cosign_always",
    )
    def _compute_purchasing_required(self):
        for inspection in self:
            # Settings apply forward: a validated acceptance keeps the setting
            # it was validated under.
            joint = (
                inspection.joint_acceptance
                if inspection.state == "done"
                else inspection.company_id.dealer_purchasing_cosign_always
            )
            inspection.purchasing_required = joint or any(
                inspection.line_ids.mapped("is_discrepancy")
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
        # STK-10: a validated or cancelled acceptance is kept as found; later
        # remarks and photos go to its chatter, which only adds.
        if any(inspection.state != "draft" for inspection in self) and any(
            not fname.startswith(("message_", "activity_")) for fname in vals
        ):
            if not self._dealer_is_trusted():
                raise UserError(
                    self.env._(
                        "A validated or cancelled acceptance cannot be changed "
                        "(STK-10): add remarks and photos in its chatter."
                    )
                )
        return super().write(vals)

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
            # The warehouse member who validates signs for the warehouse.
            self._dealer_sign("warehouse")
        self._check_ready()
        self._create_result_moves()
        # Rights and rule checked above: the action books its own result.
        self._dealer_as_action().write(
            {
                "state": "done",
                "date_validated": fields.Datetime.now(),
                "validated_by_id": self.env.user.id,
                "joint_acceptance": self.company_id.dealer_purchasing_cosign_always,
            }
        )
        self.message_post(
            body=self.env._(
                "Acceptance validated: %(accepted)s accepted, %(rejected)s rejected.",
                accepted=self.qty_accepted,
                rejected=self.qty_rejected,
            )
        )
        # The moves are on move_ids; a recordset cannot travel back over RPC.
        return True

    def action_sign_warehouse(self):
        return self._dealer_sign("warehouse")

    def action_sign_technical(self):
        return self._dealer_sign("technical")

    def action_sign_purchasing(self):
        return self._dealer_sign("purchasing")

    def _dealer_sign(self, department):
        """PUR-07: the current user signs for their department, with their own
        login; one person signs for one department only."""
        fname = SIGNATURES[department]
        label = self._fields[fname]._description_string(self.env)
        user = self.env.user
        if not user.has_group(f"dealer_base.group_{department}_user"):
            raise AccessError(
                self.env._(
                    "%(inspector)s: only a member of that department signs, with "
                    "their own login (PUR-07).",
                    inspector=label,
                )
            )
        for inspection in self:
            inspection._dealer_check_draft()
            signer = inspection[fname]
            if signer and signer != user:
                raise UserError(
                    self.env._(
                        "%(name)s: %(user)s already signed as %(inspector)s (PUR-07).",
                        name=inspection.name,
                        user=signer.name,
                        inspector=label,
                    )
                )
            others = [
                other
                for other in SIGNATURES.values()
                if other != fname and inspection[other] == user
            ]
            if others:
                raise UserError(
                    self.env._(
                        "%(name)s: you already signed as %(inspector)s; each "
                        "department signs with its own login (PUR-07).",
                        name=inspection.name,
                        inspector=self._fields[others[0]]._description_string(self.env),
                    )
                )
        unsigned = self.filtered(lambda inspection: not inspection[fname])
        # Rights and the one-signature-per-person rule are checked above.
        unsigned._dealer_as_action().write({fname: user.id})
        for inspection in unsigned:
            inspection.message_post(
                body=self.env._(
                    "%(user)s signed as %(inspector)s.", user=user.name, inspector=label
                )
            )
        return True

    def action_withdraw_signature(self):
        """The signer takes back their own signature while the acceptance is open,
        e.g. when the findings changed after they signed."""
        user = self.env.user
        for inspection in self:
            inspection._dealer_check_draft()
            fnames = [f for f in SIGNATURES.values() if inspection[f] == user]
            if not fnames:
                raise UserError(
                    self.env._(
                        "%(name)s: you have not signed it.", name=inspection.name
                    )
                )
            # Only the signer's own signature is cleared.
            inspection._dealer_as_action().write(dict.fromkeys(fnames, False))
            inspection.message_post(
                body=self.env._("%(user)s withdrew their signature.", user=user.name)
            )
        return True

    def action_cancel(self):
        """STK-10: an acceptance that is not carried out is cancelled, by a
        Warehouse Manager, with the reason; it is never deleted."""
        self._check_warehouse_manager()
        for inspection in self:
            if inspection.state == "done":
                raise UserError(
                    self.env._("A validated acceptance cannot be cancelled (STK-10).")
                )
            inspection._dealer_check_draft()
            if not has_words(inspection.cancel_reason):
                raise ValidationError(
                    self.env._(
                        "%(name)s: write the %(field)s before cancelling it (STK-10).",
                        name=inspection.name,
                        field=self._fields["cancel_reason"]._description_string(
                            self.env
                        ),
                    )
                )
        # Rights and state checked above.
        self._dealer_as_action().write({"state": "cancel"})
        for inspection in self:
            inspection.message_post(
                body=self.env._(
                    "Cancelled by %(user)s: %(reason)s",
                    user=self.env.user.name,
                    reason=inspection.cancel_reason,
                )
            )
        return True

    def action_reset_to_draft(self):
        self._check_warehouse_manager()
        cancelled = self.filtered(lambda i: i.state == "cancel")
        # Rights checked above; the reason stays in the chatter.
        cancelled._dealer_as_action().write({"state": "draft", "cancel_reason": False})
        return True

    def _check_warehouse_manager(self):
        if not self.env.user.has_group("dealer_base.group_warehouse_manager"):
            raise AccessError(
                self.env._("Only a Warehouse Manager cancels an acceptance (STK-09).")
            )

    def _dealer_check_draft(self):
        self.ensure_one()
        if self.state != "draft":
            raise UserError(
                self.env._(
                    "%(name)s is no longer to inspect: it is %(state)s.",
                    name=self.name,
                    state=dict(self._fields["state"]._description_selection(self.env))[
                        self.state
                    ],
                )
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

    def _dealer_problems(self, validating=False):
        """Everything that still stands between this acceptance and its
        validation, one sentence each (PUR-07, STK-07 to STK-10). The warehouse
        signature is missing only at validation time: the Warehouse user who
        validates signs for the warehouse."""
        self.ensure_one()
        problems = []
        required = ["technical_inspector_id"]
        if validating:
            required.insert(0, "warehouse_inspector_id")
        if self.purchasing_required:
            required.append("purchasing_inspector_id")
        missing = [
            self._fields[fname]._description_string(self.env)
            for fname in required
            if not self[fname]
        ]
        if missing:
            problems.append(
                self.env._(
                    "Signatures missing: %(fields)s (PUR-07: Warehouse, Technical "
                    "and Purchasing inspect together, each signing with their own "
                    "login; Purchasing signs every acceptance under the Joint "
                    "acceptance setting, and always on a discrepancy).",
                    fields=", ".join(missing),
                )
            )
        signers = [self[fname] for fname in SIGNATURES.values() if self[fname]]
        if len(signers) != len(set(signers)):
            problems.append(
                self.env._(
                    "One person signed for two departments; each department "
                    "signs with its own login (PUR-07)."
                )
            )
        if not self.line_ids:
            problems.append(self.env._("There is no line to accept."))
        problems += self.line_ids._dealer_problems()
        return problems

    @api.depends(
        "state",
        "technical_inspector_id",
        "purchasing_inspector_id",
        "warehouse_inspector_id",
        "purchasing_required",
        "company_id.dealer_check_spec_required",
        "company_id.dealer_check_appearance_required",
        "line_ids.qty_counted",
        "line_ids.qty_accepted",
        "line_ids.qty_rejected",
        "line_ids.spec_check",
        "line_ids.appearance_check",
        "line_ids.performance_check",
        "line_ids.reason_id",
        "line_ids.lot_id",
    )
    def _compute_missing_html(self):
        """The checklist of the form: what is still missing, live, before
        anyone presses Validate (STK-07)."""
        for inspection in self:
            problems = (
                inspection._dealer_problems() if inspection.state == "draft" else []
            )
            inspection.missing_count = len(problems)
            inspection.missing_html = (
                Markup("<ul class='mb-0'>%s</ul>")
                % Markup().join(Markup("<li>%s</li>") % p for p in problems)
                if problems
                else False
            )

    def _check_ready(self):
        """All the problems at once, in one message (STK-07)."""
        problems = self._dealer_problems(validating=True)
        if problems:
            raise ValidationError(
                self.env._(
                    "%(name)s cannot be validated yet:\n%(problems)s",
                    name=self.name,
                    problems="\n".join(f"- {problem}" for problem in problems),
                )
            )

    # ------------------------------------------------------------------- moves
    def _dealer_pending_location(self):
        """The pending-inspection area where the receipt's goods landed."""
        self.ensure_one()
        picking = self.picking_id
        landed = picking._dealer_arrived_lines().location_dest_id
        if picking.location_dest_id in landed or not landed:
            landed = picking.location_dest_id
        return landed.filtered(
            lambda location: location.dealer_zone_type == "pending_inspection"
        )[:1]

    def _create_result_moves(self):
        warehouse = self.warehouse_id
        pending = self._dealer_pending_location()
        if not pending:
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
        # The action marks its moves as the acceptance's (a governed field), which
        # lets them take the goods out of the pending-inspection area.
        Move = self.env["stock.move"]._dealer_as_action()
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

    # ------------------------------------------------------------------ AUD-05
    def _dealer_compliance_stk_09(self, companies, date_from, date_to):
        """STK-09 compliance check (dealer_base registry): goods received in
        the period still held in pending inspection, their acceptance not
        validated, more than a day after their receipt."""
        start, end = period_datetimes(date_from, date_to)
        late = fields.Datetime.now() - relativedelta(days=1)
        return [
            ("company_id", "in", companies.ids),
            ("state", "=", "draft"),
            ("date_received", ">=", start),
            ("date_received", "<", min(end, late)),
        ]
