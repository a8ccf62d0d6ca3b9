# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

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
