# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

REPLACEMENT_PERIODS = [
    ("remaining", "Remaining period of the replaced unit"),
    ("fresh", "A fresh full period"),
]


class DealerWarrantyTerm(models.Model):
    """Published warranty policy of a product line (ASV-22, ASV-18)."""

    _name = "dealer.warranty.term"
    _description = "Warranty Terms"
    _inherit = ["mail.thread"]
    _order = "name, id"

    name = fields.Char(required=True, translate=True, tracking=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", default=lambda self: self.env.company, index=True
    )
    period_months = fields.Integer(
        string="Warranty period (months)",
        required=True,
        default=12,
        tracking=True,
        help="Counted from the day after delivery, as periods are under the "
        "Civil Code (art. 201): delivered on 15 March with 12 months, covered "
        "until 15 March of the next year inclusive.",
    )
    cover_parts = fields.Boolean(string="Parts", default=True, tracking=True)
    cover_labour = fields.Boolean(string="Labour", default=True, tracking=True)
    cover_onsite = fields.Boolean(string="On-site service", tracking=True)
    cover_shipping = fields.Boolean(string="Shipping", tracking=True)
    conditions = fields.Text(
        translate=True,
        help="Printed on quotations, delivery slips and warranty cards.",
    )
    exclusion_ids = fields.Many2many(
        "dealer.warranty.exclusion",
        string="Exclusions",
        help="Faults these conditions cause are not covered.",
    )
    return_days = fields.Integer(
        string="Return window (days)",
        default=lambda self: self.env.company.dealer_warranty_return_days,
        tracking=True,
        help="Days after delivery in which a unit with a confirmed quality "
        "problem may be returned for a refund (ASV-19).",
    )
    exchange_days = fields.Integer(
        string="Exchange window (days)",
        default=lambda self: self.env.company.dealer_warranty_exchange_days,
        tracking=True,
        help="Days after delivery in which a unit with a confirmed quality "
        "problem may be exchanged (ASV-19).",
    )
    replacement_period = fields.Selection(
        REPLACEMENT_PERIODS,
        string="Replacement unit gets",
        required=True,
        default="remaining",
        tracking=True,
    )
    scope_summary = fields.Char(compute="_compute_scope_summary", string="Scope")
    category_ids = fields.One2many(
        "product.category", "dealer_warranty_term_id", string="Categories"
    )
    product_tmpl_ids = fields.One2many(
        "product.template", "dealer_warranty_term_id", string="Products"
    )
    warranty_count = fields.Integer(compute="_compute_warranty_count")

    _sql_constraints = [
        (
            "period_positive",
            "CHECK(period_months > 0)",
            "The warranty period must be at least one month (ASV-22).",
        ),
    ]

    @api.depends("cover_parts", "cover_labour", "cover_onsite", "cover_shipping")
    def _compute_scope_summary(self):
        for term in self:
            term.scope_summary = ", ".join(term._scope_labels())

    def _scope_labels(self):
        self.ensure_one()
        return [
            self._fields[name].get_description(self.env)["string"]
            for name in (
                "cover_parts",
                "cover_labour",
                "cover_onsite",
                "cover_shipping",
            )
            if self[name]
        ]

    def _compute_warranty_count(self):
        counts = dict(
            self.env["dealer.warranty"]._read_group(
                [("term_id", "in", self.ids)], ["term_id"], ["__count"]
            )
        )
        for term in self:
            term.warranty_count = counts.get(term, 0)

    @api.constrains("return_days", "exchange_days", "period_months")
    def _check_windows(self):
        for term in self:
            if term.return_days < 0 or term.exchange_days < 0:
                raise ValidationError(
                    self.env._(
                        "Warranty terms %(term)s: the return and exchange windows "
                        "cannot be negative (ASV-19).",
                        term=term.name,
                    )
                )
            if term.return_days > term.exchange_days:
                raise ValidationError(
                    self.env._(
                        "Warranty terms %(term)s: the return window (%(ret)s days) "
                        "cannot be longer than the exchange window (%(exc)s days) "
                        "(ASV-19).",
                        term=term.name,
                        ret=term.return_days,
                        exc=term.exchange_days,
                    )
                )

    def _snapshot_values(self):
        """What a warranty keeps of its terms: a later change never rewrites it."""
        self.ensure_one()
        return {
            "term_id": self.id,
            "period_months": self.period_months,
            "cover_parts": self.cover_parts,
            "cover_labour": self.cover_labour,
            "cover_onsite": self.cover_onsite,
            "cover_shipping": self.cover_shipping,
            "conditions": self.conditions,
            "exclusions": "\n".join(self.exclusion_ids.mapped("name")),
            "return_days": self.return_days,
            "exchange_days": self.exchange_days,
            "replacement_period": self.replacement_period,
        }

    def action_view_warranties(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "dealer_warranty.dealer_warranty_action"
        )
        action["domain"] = [("term_id", "in", self.ids)]
        return action
