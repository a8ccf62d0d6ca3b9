# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class DealerManualArea(models.Model):
    """An area of the Management Manual (ORG, SAL, STK...), prefix of its rule codes.

    A model rather than a selection so that rules list and group in the manual's
    order, and so that administrators can describe each area.
    """

    _name = "dealer.manual.area"
    _description = "Management Manual Area"
    _order = "sequence, id"

    code = fields.Char(required=True, help="Prefix of the area's rule codes, as STK.")
    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    description = fields.Text(translate=True)
    rule_ids = fields.One2many("dealer.manual.rule", "area_id", string="Rules")
    rule_count = fields.Integer(string="Rules count", compute="_compute_rule_count")

    _sql_constraints = [
        ("code_unique", "unique (code)", "Each area of the manual has its own code."),
    ]

    @api.depends("rule_ids")
    def _compute_rule_count(self):
        counts = dict(
            self.env["dealer.manual.rule"]._read_group(
                [("area_id", "in", self.ids)], ["area_id"], ["__count"]
            )
        )
        for area in self:
            area.rule_count = counts.get(area, 0)
