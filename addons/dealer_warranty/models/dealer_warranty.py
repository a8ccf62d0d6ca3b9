# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).


from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL, format_date

from .dealer_warranty_term import REPLACEMENT_PERIODS

CLAIM_TYPES = [
    ("return", "Return"),
    ("exchange", "Exchange"),
    ("repair", "Repair"),
]

# Fields a warranty keeps from the day it was sold (issue: "term changes never
# rewrite existing records").
SNAPSHOT_FIELDS = (
    "term_id",
    "period_months",
    "cover_parts",
    "cover_labour",
    "cover_onsite",
    "cover_shipping",
    "conditions",
    "exclusions",
    "return_days",
    "exchange_days",
    "replacement_period",
    "partner_id",
    "product_id",
    "lot_id",
    "delivery_date",
    "start_date",
    "end_date",
    "return_deadline",
    "exchange_deadline",
)


class DealerWarranty(models.Model):
    """The warranty of one delivered serial, lot or quantity (ASV-22, ASV-23)."""

    _name = "dealer.warranty"
    _description = "Warranty"
    _inherit = ["mail.thread", "mail.activity.mixin", "dealer.warranty.guard"]
    _order = "delivery_date desc, id desc"
    _rec_names_search = ["name", "lot_id.name", "partner_id.name", "product_id.name"]
    _check_company_auto = True

    # A warranty is what was sold: its terms, dates, unit and status change
    # only through its own actions (delivery, void, exchange, expiry), on every
    # route (ASV-22); the windows it keeps decide returns and exchanges (ASV-19).
    _dealer_governed = dict(
        dict.fromkeys(SNAPSHOT_FIELDS, "ASV-22"),
        return_days="ASV-19",
        exchange_days="ASV-19",
        return_deadline="ASV-19",
        exchange_deadline="ASV-19",
        state="ASV-22",
        company_id="ASV-22",
        categ_id="ASV-22",
        is_serial="ASV-22",
        quantity="ASV-22",
        sale_order_id="ASV-22",
        sale_line_id="ASV-22",
        picking_id="ASV-22",
        move_id="ASV-22",
        replaces_id="ASV-22",
        replaced_by_id="ASV-22",
        void_user_id="ASV-22",
        void_date="ASV-22",
        expiry_month="ASV-22",
    )
    # The manual keeps warranties: void them, with who and why, instead.
    _dealer_keep_rule = "ASV-22"

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    state = fields.Selection(
        [("active", "Active"), ("expired", "Expired"), ("void", "Void")],
        required=True,
        default="active",
        readonly=True,
        tracking=True,
        index=True,
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        readonly=True,
        index=True,
        default=lambda self: self.env.company,
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        readonly=True,
        index=True,
        check_company=True,
    )
    product_id = fields.Many2one(
        "product.product", required=True, readonly=True, index=True, check_company=True
    )
    categ_id = fields.Many2one(related="product_id.categ_id", store=True)
    lot_id = fields.Many2one(
        "stock.lot",
        string="Lot/Serial Number",
        readonly=True,
        index=True,
        check_company=True,
    )
    is_serial = fields.Boolean(
        readonly=True,
        help="Tracked by serial number: one unit, one active warranty.",
    )
    quantity = fields.Float(
        default=1.0, readonly=True, digits="Product Unit of Measure"
    )
    sale_order_id = fields.Many2one(
        "sale.order", readonly=True, index=True, check_company=True
    )
    sale_order_ref = fields.Char(
        related="sale_order_id.name",
        string="Order reference",
        help="Shown to whoever may not open the order itself (warranty cards).",
    )
    sale_line_id = fields.Many2one("sale.order.line", readonly=True, check_company=True)
    picking_id = fields.Many2one(
        "stock.picking", string="Delivery", readonly=True, check_company=True
    )
    move_id = fields.Many2one(
        "stock.move", readonly=True, index=True, check_company=True
    )
    delivery_date = fields.Date(required=True, readonly=True)
    start_date = fields.Date(required=True, readonly=True)
    end_date = fields.Date(required=True, readonly=True, index=True)
    return_deadline = fields.Date(string="Return until", readonly=True)
    exchange_deadline = fields.Date(string="Exchange until", readonly=True)
    # Snapshot of the terms on the day of sale.
    term_id = fields.Many2one(
        "dealer.warranty.term",
        string="Terms",
        readonly=True,
        ondelete="restrict",
        check_company=True,
    )
    period_months = fields.Integer(string="Period (months)", readonly=True)
    cover_parts = fields.Boolean(string="Parts", readonly=True)
    cover_labour = fields.Boolean(string="Labour", readonly=True)
    cover_onsite = fields.Boolean(string="On-site service", readonly=True)
    cover_shipping = fields.Boolean(string="Shipping", readonly=True)
    conditions = fields.Text(readonly=True)
    exclusions = fields.Text(readonly=True)
    return_days = fields.Integer(string="Return window (days)", readonly=True)
    exchange_days = fields.Integer(string="Exchange window (days)", readonly=True)
    replacement_period = fields.Selection(
        REPLACEMENT_PERIODS, string="Replacement unit gets", readonly=True
    )
    # History: who voided it, when and why (ASV-22).
    void_reason = fields.Char(tracking=True)
    void_user_id = fields.Many2one(
        "res.users", string="Voided by", readonly=True, copy=False
    )
    void_date = fields.Datetime(string="Voided on", readonly=True, copy=False)
    replaces_id = fields.Many2one(
        "dealer.warranty",
        string="Replaces",
        readonly=True,
        index="btree_not_null",
        check_company=True,
    )
    replaced_by_id = fields.Many2one(
        "dealer.warranty", string="Replaced by", readonly=True, check_company=True
    )
    claim_ids = fields.One2many("dealer.warranty.claim", "warranty_id")
    claim_count = fields.Integer(compute="_compute_claim_count")
    repair_ids = fields.One2many("repair.order", "dealer_warranty_id")
    repair_count = fields.Integer(compute="_compute_claim_count")
    expiry_month = fields.Date(
        compute="_compute_expiry_month",
        store=True,
        help="First day of the month the warranty ends, for the analysis.",
    )

    @api.depends("end_date")
    def _compute_expiry_month(self):
        for warranty in self:
            warranty.expiry_month = warranty.end_date and warranty.end_date.replace(
                day=1
            )

    @api.depends("claim_ids", "repair_ids")
    def _compute_claim_count(self):
        for warranty in self:
            warranty.claim_count = len(warranty.claim_ids)
            warranty.repair_count = len(warranty.repair_ids)

    def init(self):
        # Concurrent deliveries of one serial: the database keeps one active.
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS dealer_warranty_serial_active_uniq"
                " ON dealer_warranty (lot_id)"
                " WHERE state = 'active' AND is_serial AND lot_id IS NOT NULL"
            )
        )

    @api.depends("name", "product_id", "lot_id")
    def _compute_display_name(self):
        for warranty in self:
            what = warranty.lot_id.name or warranty.product_id.display_name
            warranty.display_name = (
                f"{warranty.name} ({what})" if what else warranty.name
            )

    # ------------------------------------------------------------------ CRUD
    @api.model_create_multi
    def create(self, vals_list):
        # The caller's values first: the reference and the status below are
        # the system's, not the caller's.
        self._dealer_check_governed_create(vals_list)
        today = fields.Date.context_today(self)
        names = iter(self._dealer_next_names(len(vals_list)))
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = next(names)
            if vals.get("end_date") and fields.Date.to_date(vals["end_date"]) < today:
                vals.setdefault("state", "expired")
        # Checked before the insert: the unique index would only say "duplicate".
        self._dealer_check_serials_free(
            [
                (
                    vals["lot_id"],
                    fields.Date.to_date(vals["start_date"]),
                    fields.Date.to_date(vals["end_date"]),
                    None,
                )
                for vals in vals_list
                if vals.get("lot_id")
                and vals.get("is_serial")
                and vals.get("state", "active") != "void"
            ]
        )
        model = self._dealer_without_caller_defaults()._dealer_as_action()
        warranties = super(DealerWarranty, model).create(vals_list)
        return warranties.with_env(self.env)

    @api.model
    def _dealer_next_names(self, count):
        """``count`` references in one query: a delivery of hundreds of serials
        must not draw its numbers one round trip at a time."""
        sequence = self.env["ir.sequence"].search(
            [
                ("code", "=", "dealer.warranty"),
                ("company_id", "in", [self.env.company.id, False]),
            ],
            order="company_id",
            limit=1,
        )
        if not sequence or not count:
            return ["/"] * count
        if sequence.implementation != "standard" or sequence.use_date_range:
            return [sequence._next() for _i in range(count)]
        self.env.cr.execute(
            SQL(
                "SELECT nextval(%s) FROM generate_series(1, %s)",
                f"ir_sequence_{sequence.id:03d}",
                count,
            )
        )
        return [sequence.get_next_char(row[0]) for row in self.env.cr.fetchall()]

    def _dealer_settled_fields(self):
        settled = {"name": "ASV-22"}
        if self.state == "void":
            settled["void_reason"] = "ASV-22"
        return settled

    @api.constrains("lot_id", "state", "start_date", "end_date")
    def _check_one_warranty_per_serial(self):
        self._dealer_check_serials_free(
            [
                (w.lot_id.id, w.start_date, w.end_date, w.id)
                for w in self
                if w.is_serial and w.lot_id and w.state != "void"
            ]
        )

    @api.model
    def _dealer_check_serials_free(self, items):
        """Refuse a second live warranty on a serial over the same days.

        :param items: (lot id, start date, end date, own warranty id or None)
        """
        if not items:
            return
        lot_ids = {item[0] for item in items}
        if len(lot_ids) < len(items):
            lot = self.env["stock.lot"].browse(
                next(i[0] for i in items if [j[0] for j in items].count(i[0]) > 1)
            )
            raise ValidationError(
                self.env._(
                    "Serial %(serial)s would get two warranties at once (ASV-22).",
                    serial=lot.name,
                )
            )
        others = self.search_fetch(
            [("lot_id", "in", list(lot_ids)), ("state", "!=", "void")],
            ["lot_id", "start_date", "end_date", "name"],
        )
        for lot_id, start, end, own_id in items:
            clash = others.filtered(
                lambda o, lot_id=lot_id, own_id=own_id, start=start, end=end: (
                    o.lot_id.id == lot_id
                    and o.id != own_id
                    and o.end_date >= start
                    and o.start_date <= end
                )
            )
            if clash:
                raise ValidationError(
                    self.env._(
                        "Serial %(serial)s already has warranty %(other)s until "
                        "%(end)s; a unit cannot have two warranties at once "
                        "(ASV-22).",
                        serial=clash[0].lot_id.name,
                        other=clash[0].name,
                        end=format_date(self.env, clash[0].end_date),
                    )
                )

    @api.constrains("start_date", "end_date", "delivery_date")
    def _check_dates(self):
        for warranty in self:
            if warranty.start_date < warranty.delivery_date or (
                warranty.end_date < warranty.start_date
            ):
                raise ValidationError(
                    self.env._(
                        "Warranty %(name)s: Start Date cannot be before the "
                        "delivery on %(delivery)s, nor End Date before the start "
                        "(ASV-22).",
                        name=warranty.name,
                        delivery=format_date(self.env, warranty.delivery_date),
                    )
                )

    @api.constrains("quantity")
    def _check_quantity(self):
        for warranty in self:
            if warranty.quantity <= 0:
                raise ValidationError(
                    self.env._(
                        "Warranty %(name)s: Quantity must be more than zero "
                        "(ASV-22).",
                        name=warranty.name,
                    )
                )
