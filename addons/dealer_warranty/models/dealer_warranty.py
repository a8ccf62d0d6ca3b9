# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, format_date

from odoo.addons.dealer_base.tools import has_words

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
        model = self._dealer_without_governed_defaults()
        # The caller's values first: the reference and the status below are
        # the system's, not the caller's.
        model._dealer_check_governed_create(vals_list)
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
        warranties = super(DealerWarranty, model._dealer_as_action()).create(vals_list)
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

    # ------------------------------------------------------------------ dates
    @api.model
    def _dealer_compute_dates(self, delivery_date, term_values, start_date=None):
        """Periods start the day after delivery (Civil Code art. 201): 12 months
        from 15 March cover until 15 March of the next year inclusive."""
        start = start_date or delivery_date
        return {
            "delivery_date": delivery_date,
            "start_date": start,
            "end_date": start + relativedelta(months=term_values["period_months"]),
            "return_deadline": delivery_date
            + timedelta(days=term_values["return_days"]),
            "exchange_deadline": delivery_date
            + timedelta(days=term_values["exchange_days"]),
        }

    # ------------------------------------------------------------------ creation
    @api.model
    def _dealer_create_from_moves(self, moves):
        """One warranty per delivered serial or lot, or per move when untracked."""
        vals_list = []
        existing = self.search_fetch(
            [("move_id", "in", moves.ids), ("state", "!=", "void")],
            ["move_id", "lot_id"],
        )
        done_keys = {(w.move_id.id, w.lot_id.id) for w in existing}
        # One read for every line; iterating move by move would read them one
        # by one.
        moves.move_line_ids.fetch(["quantity", "lot_id", "product_uom_id"])
        for move in moves:
            term = move.product_id.product_tmpl_id.dealer_effective_warranty_term_id
            if not term:
                continue
            picking = move.picking_id
            partner = (
                move.sale_line_id.order_id.partner_id
                or picking.partner_id
                or move.partner_id
            ).commercial_partner_id
            delivery_date = fields.Date.context_today(
                self, timestamp=move.date or fields.Datetime.now()
            )
            # Conditions and exclusions are kept in the customer's language:
            # the warranty card is theirs.
            term_values = term.with_context(
                lang=partner.lang or self.env.lang
            )._snapshot_values()
            common = dict(
                term_values,
                **self._dealer_compute_dates(delivery_date, term_values),
                company_id=move.company_id.id,
                partner_id=partner.id,
                product_id=move.product_id.id,
                sale_line_id=move.sale_line_id.id,
                sale_order_id=move.sale_line_id.order_id.id,
                picking_id=picking.id,
                move_id=move.id,
                is_serial=move.product_id.tracking == "serial",
            )
            quantities = {}
            for line in move.move_line_ids:
                qty = line.product_uom_id._compute_quantity(
                    line.quantity, move.product_id.uom_id
                )
                quantities[line.lot_id] = quantities.get(line.lot_id, 0.0) + qty
            for lot, qty in quantities.items():
                if qty <= 0 or (move.id, lot.id) in done_keys:
                    continue
                vals_list.append(dict(common, lot_id=lot.id, quantity=qty))
        if not vals_list:
            return self
        # Whoever validates the delivery creates the warranty, but only
        # After-sales may otherwise create or change warranties.
        return self.sudo().create(vals_list).sudo(False)

    # ------------------------------------------------------------------ eligibility
    @api.model
    def _dealer_find(self, lot=None, product=None, partner=None, date=None):
        """The warranty that speaks for a unit: the newest non-void one that
        started on or before ``date``, else the newest one at all."""
        domain = []
        if lot:
            if isinstance(lot, str):
                domain.append(("lot_id.name", "=", lot.strip()))
                if product:
                    domain.append(("product_id", "=", product.id))
            else:
                domain.append(("lot_id", "=", lot.id))
        elif product:
            domain.append(("product_id", "=", product.id))
            if partner:
                domain.append(("partner_id", "=", partner.commercial_partner_id.id))
        else:
            return self.browse()
        candidates = self.search(domain, order="start_date desc, id desc")
        live = candidates.filtered(lambda w: w.state != "void")
        if date:
            started = live.filtered(lambda w: w.start_date <= date)
            live = started or live
        return live[:1] or candidates[:1]

    @api.model
    def check_eligibility(
        self, lot=None, product=None, partner=None, date=None, claim_type="repair"
    ):
        """Whether a claim is covered, for every addon that takes claims.

        :param lot: stock.lot record or serial number (string)
        :param product: product.product, for untracked products (with partner)
        :param partner: the customer making the claim
        :param date: day of the claim (default: today)
        :param claim_type: 'return', 'exchange' or 'repair'
        :return: dict with ``eligible`` (for claim_type), ``covered`` (in the
            warranty period), ``warranty_id``, ``windows`` and ``deadlines``
            per claim type, ``reasons`` (codes) and ``message`` (a sentence).
        """
        date = fields.Date.to_date(date) or fields.Date.context_today(self)
        warranty = self._dealer_find(
            lot=lot, product=product, partner=partner, date=date
        )
        if not warranty:
            serial = lot if isinstance(lot, str) else (lot.name if lot else "")
            return {
                "eligible": False,
                "covered": False,
                "warranty_id": False,
                "claim_type": claim_type,
                "windows": dict.fromkeys(("return", "exchange", "repair"), False),
                "deadlines": dict.fromkeys(("return", "exchange", "repair"), False),
                "reasons": ["unknown"],
                "message": (
                    self.env._(
                        "No warranty is recorded for serial %(serial)s: it was not "
                        "delivered by us, or not yet.",
                        serial=serial,
                    )
                    if serial
                    else self.env._(
                        "No warranty is recorded for %(product)s delivered to "
                        "%(partner)s.",
                        product=product.display_name if product else "",
                        partner=partner.display_name if partner else "",
                    )
                ),
            }
        return warranty._dealer_eligibility(date, claim_type, partner)

    def _dealer_claim_type_labels(self):
        Claim = self.env["dealer.warranty.claim"]
        return dict(Claim._fields["claim_type"]._description_selection(self.env))

    def _dealer_eligibility(self, date, claim_type, partner=None):
        self.ensure_one()
        _ = self.env._
        reasons, sentences = [], []
        deadlines = {
            "return": self.return_deadline,
            "exchange": self.exchange_deadline,
            "repair": self.end_date,
        }
        started = date >= self.delivery_date
        if not started:
            reasons.append("before_delivery")
            sentences.append(
                _(
                    "%(date)s is before the delivery on %(delivery)s.",
                    date=format_date(self.env, date),
                    delivery=format_date(self.env, self.delivery_date),
                )
            )
        if self.state == "void":
            reasons.append("void")
            sentences.append(
                _(
                    "Warranty %(name)s is void: %(reason)s",
                    name=self.name,
                    reason=self.void_reason or _("no reason given"),
                )
            )
        live = started and self.state != "void"
        windows = {
            kind: bool(live and deadline and date <= deadline)
            for kind, deadline in deadlines.items()
        }
        covered = windows["repair"]
        if live and not covered:
            reasons.append("expired")
            sentences.append(
                _(
                    "The warranty ended on %(end)s.",
                    end=format_date(self.env, self.end_date),
                )
            )
        elif live and not windows[claim_type]:
            reasons.append(f"{claim_type}_closed")
            deadline = format_date(self.env, deadlines[claim_type])
            sentences.append(
                _("The return window closed on %(deadline)s.", deadline=deadline)
                if claim_type == "return"
                else _("The exchange window closed on %(deadline)s.", deadline=deadline)
            )
        if partner and partner.commercial_partner_id != self.partner_id:
            reasons.append("other_customer")
            sentences.append(
                _(
                    "The unit was delivered to %(owner)s, not to %(partner)s.",
                    owner=self.partner_id.display_name,
                    partner=partner.commercial_partner_id.display_name,
                )
            )
        eligible = windows[claim_type] and not reasons
        if eligible or (live and covered and not sentences):
            open_windows = [
                _(
                    "%(kind)s until %(deadline)s",
                    kind=label,
                    deadline=format_date(self.env, deadlines[kind]),
                )
                for kind, label in self._dealer_claim_type_labels().items()
                if windows[kind]
            ]
            sentences.insert(
                0,
                _(
                    "Covered by %(name)s. Open: %(windows)s.",
                    name=self.name,
                    windows=", ".join(open_windows),
                ),
            )
        return {
            "eligible": eligible,
            "covered": covered,
            "warranty_id": self.id,
            "claim_type": claim_type,
            "windows": windows,
            "deadlines": deadlines,
            "reasons": reasons,
            "message": " ".join(sentences),
        }

    # ------------------------------------------------------------------ actions
    def _dealer_void(self, reason):
        """Void, keeping who, when and why (ASV-22). Callers have decided the
        unit is no longer covered (a refund, a return, an exchange)."""
        self._dealer_as_action().filtered(lambda w: w.state != "void").write(
            {
                "state": "void",
                "void_reason": reason,
                "void_user_id": self.env.user.id,
                "void_date": fields.Datetime.now(),
            }
        )

    def action_void(self):
        """Void by hand: an After-sales Manager, with the reason in its field."""
        if not self.env.user.has_group("dealer_base.group_after_sales_manager"):
            raise UserError(
                self.env._("Only an After-sales Manager voids warranties (ASV-22).")
            )
        self.check_access("write")
        for warranty in self:
            if not has_words(warranty.void_reason):
                raise UserError(
                    self.env._(
                        "Warranty %(name)s: write the void reason first, in words "
                        "(ASV-22).",
                        name=warranty.name,
                    )
                )
        for warranty in self.filtered(lambda w: w.state != "void"):
            warranty._dealer_void(warranty.void_reason)
        return True

    def _dealer_transfer_to(self, move_line, claim):
        """An exchanged unit: void this warranty, give the replacement one."""
        self.ensure_one()
        delivery_date = fields.Date.context_today(
            self, timestamp=move_line.move_id.date or fields.Datetime.now()
        )
        values = {name: self[name] for name in SNAPSHOT_FIELDS}
        values = self._convert_to_write(values)
        if self.replacement_period == "fresh":
            values.update(self._dealer_compute_dates(delivery_date, values))
        else:
            values.update(
                delivery_date=delivery_date,
                start_date=delivery_date,
                end_date=max(self.end_date, delivery_date),
            )
        values.update(
            lot_id=move_line.lot_id.id,
            product_id=move_line.product_id.id,
            quantity=self.quantity,
            is_serial=move_line.product_id.tracking == "serial",
            company_id=self.company_id.id,
            sale_order_id=self.sale_order_id.id,
            sale_line_id=self.sale_line_id.id,
            picking_id=move_line.picking_id.id,
            move_id=move_line.move_id.id,
            replaces_id=self.id,
        )
        # The warehouse user validating the replacement delivery moves the
        # warranty over; After-sales alone may otherwise change warranties.
        self.sudo()._dealer_void(self.env._("Exchanged under claim %s", claim.name))
        new = self.sudo().create(values)
        self.sudo().write({"replaced_by_id": new.id})
        new.message_post_with_source(
            "mail.message_origin_link",
            render_values={"self": new, "origin": claim},
            subtype_xmlid="mail.mt_note",
        )
        return new.sudo(False)

    @api.model
    def _cron_expire(self):
        """Flip ended warranties to expired; safe to run twice."""
        today = fields.Date.context_today(self)
        ended = self.search([("state", "=", "active"), ("end_date", "<", today)])
        ended._dealer_as_action().write({"state": "expired"})
        return True

    def action_view_claims(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "dealer_warranty.dealer_warranty_claim_action"
        )
        action["domain"] = [("warranty_id", "in", self.ids)]
        action["context"] = {"default_warranty_id": self[:1].id}
        return action

    def action_view_repairs(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "repair.action_repair_order_tree"
        )
        action["domain"] = [("dealer_warranty_id", "in", self.ids)]
        return action

    def action_print_card(self):
        return self.env.ref(
            "dealer_warranty.action_report_warranty_card"
        ).report_action(self)
