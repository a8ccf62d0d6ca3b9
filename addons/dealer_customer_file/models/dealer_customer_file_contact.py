# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class DealerCustomerFileContact(models.Model):
    """A contact person's personal details on the data card: confidential
    like the card itself (CUS-22, CUS-23), unlike the public contact in
    Contacts that sales documents need."""

    _name = "dealer.customer.file.contact"
    _description = "Customer File Contact Person"
    _inherit = ["dealer.customer.file.confidential"]
    _order = "card_id, sequence, id"

    card_id = fields.Many2one(
        "dealer.customer.file.card",
        string="Data card",
        required=True,
        index=True,
        ondelete="cascade",
    )
    file_id = fields.Many2one(related="card_id.file_id", store=True, index=True)
    company_id = fields.Many2one(related="card_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True)
    function = fields.Char(string="Position")
    role = fields.Selection(
        [
            ("decision", "Decision maker"),
            ("purchasing", "Purchasing"),
            ("technical", "Technical"),
            ("finance", "Finance"),
            ("user", "User"),
        ]
    )
    mobile = fields.Char()
    email = fields.Char()
    birthday = fields.Date()
    preferences = fields.Text(help="Interests, habits, how they like to be contacted.")

    def _dealer_files(self):
        return self.file_id
