# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class DealerRiskStrategy(models.Model):
    """A response to a risk (RSK-04 to RSK-06): avoid, reduce, transfer,
    monitor, accept. Which ones a level allows is a company setting."""

    _name = "dealer.risk.strategy"
    _description = "Risk Response Strategy"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, help="Technical key, e.g. accept.")
    sequence = fields.Integer(default=10)
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_uniq", "unique (code)", "A response strategy code is used once."),
    ]
