# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

# Strongest first: a rule's state is the strongest kind among its mechanisms.
MECHANISM_KINDS = [
    ("enforced", "Enforced"),
    ("recorded", "Recorded"),
    ("reminded", "Reminded"),
]


class DealerManualRuleMechanism(models.Model):
    """How an installed addon implements a rule of the manual.

    Each addon declares its mechanisms as data, so the list follows what is
    installed: uninstalling an addon removes its lines.
    """

    _name = "dealer.manual.rule.mechanism"
    _description = "Management Manual Rule Mechanism"
    _order = "rule_id, kind, module, id"

    rule_id = fields.Many2one(
        "dealer.manual.rule",
        string="Rule",
        required=True,
        index=True,
        ondelete="cascade",
    )
    name = fields.Char(string="Mechanism", required=True, translate=True)
    kind = fields.Selection(
        MECHANISM_KINDS,
        required=True,
        default="enforced",
        help="Enforced: the software refuses what breaks the rule. Recorded: the "
        "software keeps the records the rule asks for. Reminded: activities or "
        "scheduled actions remind the people responsible.",
    )
    module = fields.Char(string="Addon", required=True, help="Technical name.")
    reference = fields.Char(
        string="Technical reference",
        help="Model, method, view or test that implements the rule.",
    )
