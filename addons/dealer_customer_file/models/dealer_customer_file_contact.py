# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class DealerCustomerFileContact(models.Model):
    """A contact person's personal details on the data card: confidential
    like the card itself (CUS-22, CUS-23), unlike the public contact in
    Contacts that sales documents need."""

    _name = "dealer.customer.file.contact"
    _description = "Customer File Contact Person"
    _inherit = ["dealer.customer.file.confidential"]
    _order = "card_id, sequence, id"
    # The card a contact person is on decides who reads them (CUS-22): given
    # when the contact is added, never moved to another card.
    _dealer_governed = {
        "card_id": "CUS-22",
        "file_id": "CUS-22",
        "company_id": "CUS-22",
    }

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

    @api.model
    def _dealer_check_governed_create(self, vals_list):
        # A contact person is added to a card its author may update (the
        # card's write rule checks the new record); only moving it is refused.
        return super()._dealer_check_governed_create(
            [{k: v for k, v in vals.items() if k != "card_id"} for vals in vals_list]
        )
