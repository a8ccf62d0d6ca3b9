# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.dealer_base.tools import period_of


class DealerSupplierEvaluation(models.Model):
    """The facts of a supplier evaluation (PUR-10, PUR-11): read from
    receipts, acceptances, orders, breaches and claims by 'Compute Facts', and
    by the quarterly job that opens the evaluations."""

    _inherit = "dealer.supplier.evaluation"

    # ------------------------------------------------------------------ facts
    def _dealer_receipts(self):
        self.ensure_one()
        return self.env["stock.picking"].search(
            [
                ("partner_id", "child_of", self.partner_id.commercial_partner_id.id),
                ("picking_type_code", "=", "incoming"),
                ("state", "=", "done"),
                ("location_id.usage", "=", "supplier"),
                ("company_id", "=", self.company_id.id),
                ("date_done", ">=", datetime.combine(self.date_from, time.min)),
                ("date_done", "<=", datetime.combine(self.date_to, time.max)),
            ]
        )

    def _dealer_price_variance(self):
        """Weighted gap between this supplier's prices and the others' (PUR-11)."""
        self.ensure_one()
        Line = self.env["purchase.order.line"]
        domain = [
            ("order_id.state", "in", ("purchase", "done")),
            ("order_id.date_approve", ">=", datetime.combine(self.date_from, time.min)),
            ("order_id.date_approve", "<=", datetime.combine(self.date_to, time.max)),
            ("company_id", "=", self.company_id.id),
        ]
        supplier = self.partner_id.commercial_partner_id
        ours = Line._read_group(
            domain + [("partner_id", "child_of", supplier.id)],
            ["product_id"],
            ["product_qty:sum", "price_subtotal:sum"],
        )
        if not ours:
            return 0.0
        others = {
            product: (qty, total)
            for product, qty, total in Line._read_group(
                domain
                + [
                    "!",
                    ("partner_id", "child_of", supplier.id),
                    ("product_id", "in", [product.id for product, _q, _t in ours]),
                ],
                ["product_id"],
                ["product_qty:sum", "price_subtotal:sum"],
            )
        }
        gap, weight = 0.0, 0.0
        for product, qty, total in ours:
            other_qty, other_total = others.get(product, (0.0, 0.0))
            if not (qty and other_qty and other_total):
                continue
            ours_unit, other_unit = total / qty, other_total / other_qty
            gap += (ours_unit - other_unit) / other_unit * 100 * qty
            weight += qty
        return round(gap / weight, 1) if weight else 0.0

    def _dealer_quality_claims(self, products):
        """Confirmed quality claims on ``products`` in the period. No source
        here: the bridge dealer_purchase_warranty, installed with warranties,
        counts them."""
        return 0

    def action_compute_facts(self):
        """Read the period's receipts, acceptances, orders and breaches."""
        for evaluation in self:
            if evaluation.state != "draft":
                raise UserError(
                    self.env._(
                        "Evaluation %s is done: its facts are kept as they were.",
                        evaluation.name,
                    )
                )
            receipts = evaluation._dealer_receipts()
            moves = receipts.move_ids.filtered(lambda m: m.state == "done")
            received = sum(moves.mapped("quantity"))
            lines = self.env["dealer.receipt.inspection.line"].search(
                [
                    ("inspection_id.picking_id", "in", receipts.ids),
                    ("inspection_id.state", "=", "done"),
                ]
            )
            rejected = sum(lines.mapped("qty_rejected"))
            on_time = receipts.filtered(
                lambda p: not p.date_deadline
                or p.date_done <= p.date_deadline.replace(hour=23, minute=59, second=59)
            )
            breaches = self.env["dealer.supplier.breach"].search_count(
                [
                    (
                        "partner_id",
                        "child_of",
                        evaluation.partner_id.commercial_partner_id.id,
                    ),
                    ("date", ">=", evaluation.date_from),
                    ("date", "<=", evaluation.date_to),
                ]
            )
            claims = evaluation._dealer_quality_claims(moves.product_id)
            evaluation._dealer_as_action().write(
                {
                    "receipt_count": len(receipts),
                    "qty_received": received,
                    "qty_rejected": rejected,
                    "acceptance_rate": round((1 - rejected / received) * 100, 1)
                    if received
                    else 100.0,
                    "on_time_rate": round(len(on_time) / len(receipts) * 100, 1)
                    if receipts
                    else 100.0,
                    "price_variance": evaluation._dealer_price_variance(),
                    "claims_per_100": round(claims / received * 100, 2)
                    if received
                    else 0.0,
                    "breach_count": breaches,
                    "facts_computed_on": fields.Datetime.now(),
                }
            )
        return True

    @api.model
    def _cron_open_evaluations(self):
        """Open last quarter's evaluation of every supplier that delivered in
        it; safe to run twice (unique period)."""
        today = fields.Date.context_today(self)
        _key, quarter_start, _end = period_of(today, 3)
        _key, date_from, date_to = period_of(quarter_start - relativedelta(days=1), 3)
        pickings = self.env["stock.picking"]._read_group(
            [
                ("picking_type_code", "=", "incoming"),
                ("state", "=", "done"),
                ("location_id.usage", "=", "supplier"),
                ("date_done", ">=", datetime.combine(date_from, time.min)),
                ("date_done", "<=", datetime.combine(date_to, time.max)),
                ("partner_id", "!=", False),
            ],
            ["company_id", "partner_id"],
        )
        existing = {
            (e.company_id.id, e.partner_id.id)
            for e in self.search(
                [("date_from", "=", date_from), ("date_to", "=", date_to)]
            )
        }
        vals_list = []
        for company, partner in pickings:
            supplier = partner.commercial_partner_id
            if (company.id, supplier.id) in existing:
                continue
            existing.add((company.id, supplier.id))
            vals_list.append(
                {
                    "partner_id": supplier.id,
                    "company_id": company.id,
                    "date_from": date_from,
                    "date_to": date_to,
                }
            )
        evaluations = self.create(vals_list)
        evaluations.action_compute_facts()
        return evaluations
