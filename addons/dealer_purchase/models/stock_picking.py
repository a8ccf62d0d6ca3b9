# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time, timedelta

from odoo import api, fields, models
from odoo.tools.translate import LazyTranslate

from odoo.addons.dealer_base.tools import policy_on, policy_records

_lt = LazyTranslate(__name__)


class StockPicking(models.Model):
    _inherit = "stock.picking"

    dealer_is_late = fields.Boolean(
        string="Late",
        compute="_compute_dealer_is_late",
        search="_search_dealer_is_late",
        help="A supplier receipt not done by its deadline (PUR-16).",
    )

    def _dealer_deadline(self):
        self.ensure_one()
        deadline = self.date_deadline or self.scheduled_date
        return deadline and datetime.combine(deadline.date(), time.max)

    def _compute_dealer_is_late(self):
        now = fields.Datetime.now()
        for picking in self:
            deadline = picking._dealer_deadline() if picking.purchase_id else False
            done = picking.date_done if picking.state == "done" else now
            picking.dealer_is_late = bool(
                deadline and picking.state != "cancel" and done > deadline
            )

    def _search_dealer_is_late(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return [("id", "=", 0)]
        today = datetime.combine(fields.Date.context_today(self), time.min)
        domain = [
            ("purchase_id", "!=", False),
            ("state", "not in", ("done", "cancel")),
            ("date_deadline", "<", today),
        ]
        positive = (operator == "=") == value
        return domain if positive else ["!", *domain]

    def _action_done(self):
        res = super()._action_done()
        self._dealer_record_breaches()
        return res

    def _dealer_record_breaches(self):
        """PUR-16: late and short supplier deliveries are recorded."""
        Breach = self.env["dealer.supplier.breach"].sudo()  # warehouse validates
        vals_list = []
        # A company off the manual records no breach (issue 18).
        for picking in policy_records(self).filtered(
            lambda p: p.state == "done"
            and p.purchase_id
            and p.location_id.usage == "supplier"
        ):
            base = {
                "partner_id": picking.partner_id.commercial_partner_id.id,
                "company_id": picking.company_id.id,
                "purchase_id": picking.purchase_id.id,
                "picking_id": picking.id,
                "date": fields.Date.context_today(picking, timestamp=picking.date_done),
                "automatic": True,
            }
            deadline = picking._dealer_deadline()
            if deadline and picking.date_done > deadline:
                vals_list.append(
                    dict(
                        base,
                        kind="late",
                        description=self.env._(
                            "%(receipt)s arrived on %(done)s, due %(due)s.",
                            receipt=picking.name,
                            done=fields.Date.context_today(
                                picking, timestamp=picking.date_done
                            ),
                            due=deadline.date(),
                        ),
                    )
                )
            short = picking.move_ids.filtered(
                lambda m: m.state == "done"
                and m.quantity < m.product_uom_qty
                and not m.picking_id.backorder_ids
            )
            if short:
                vals_list.append(
                    dict(
                        base,
                        kind="short",
                        description=self.env._(
                            "%(receipt)s delivered less than ordered: %(products)s.",
                            receipt=picking.name,
                            products=", ".join(short.product_id.mapped("display_name")),
                        ),
                    )
                )
        if vals_list:
            Breach.create(vals_list)

    @api.model
    def _cron_dealer_arrival_notices(self):
        """PUR-06: tell the warehouse before supplier goods arrive; safe to run
        twice (one notice per receipt)."""
        activity_type = self.env.ref(
            "dealer_purchase.mail_activity_type_arrival_notice"
        )
        now = fields.Datetime.now()
        for company in self.env["res.company"].search([]):
            if not policy_on(self.with_company(company)):
                continue  # off the manual: no notices (issue 18)
            limit = now + timedelta(days=company.dealer_arrival_notice_days)
            receipts = self.search(
                [
                    ("company_id", "=", company.id),
                    ("purchase_id", "!=", False),
                    ("picking_type_code", "=", "incoming"),
                    ("state", "in", ("assigned", "confirmed", "waiting")),
                    ("scheduled_date", "<=", limit),
                ]
            )
            noticed = set(
                self.env["mail.activity"]
                .search(
                    [
                        ("res_model", "=", self._name),
                        ("res_id", "in", receipts.ids),
                        ("activity_type_id", "=", activity_type.id),
                    ]
                )
                .mapped("res_id")
            )
            contact = company._dealer_department_head("warehouse")
            for receipt in receipts:
                if receipt.id in noticed:
                    continue
                receipt.activity_schedule(
                    activity_type_id=activity_type.id,
                    date_deadline=receipt.scheduled_date.date(),
                    user_id=(
                        contact
                        or receipt.purchase_id.user_id
                        or company.dealer_arrival_notice_user_id
                        or self.env.user
                    ).id,
                    note=_lt(
                        "%(supplier)s delivers %(order)s around %(date)s: prepare the "
                        "pending-inspection area and the inspectors.",
                        supplier=receipt.partner_id.display_name,
                        order=receipt.purchase_id.name,
                        date=receipt.scheduled_date.date(),
                    ),
                )
        return True
