# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError


class DealerArchiveContent(models.Model):
    """The text of an archive item, kept apart from the ledger entry so that
    a record rule protects the content of confidential items (ADM-06): only
    the custodian, the Administration Manager and the borrower of a granted
    loan read it. The ledger's titles stay visible, so that staff can ask to
    borrow an item."""

    _name = "dealer.archive.content"
    _description = "Archive Item Content"

    item_id = fields.Many2one(
        "dealer.archive.item", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="item_id.company_id", store=True)
    content = fields.Html()

    _sql_constraints = [
        ("item_uniq", "unique (item_id)", "An archive item has one content."),
    ]


class DealerArchiveItem(models.Model):
    # One file per concern of the archive item (issue 18), not one class per model.
    _inherit = "dealer.archive.item"  # pylint: disable=consider-merging-classes-inherited

    content = fields.Html(
        compute="_compute_content",
        inverse="_inverse_content",
        help="Text of the item, for minutes and documents. The content of a "
        "confidential item is read only by its custodian, the Administration "
        "Manager and the borrower of a granted loan (ADM-06).",
    )
    content_restricted = fields.Boolean(
        string="Content restricted",
        compute="_compute_content",
        help="Confidential: you do not read this item's content (ADM-06).",
    )

    # Who reads decides what is read: the value is cached per user.
    @api.depends("confidential", "custodian_id", "loan_ids.state")
    @api.depends_context("uid")
    def _compute_content(self):
        # The search applies the record rules: what the user may not read is
        # simply not found.
        Content = self.env["dealer.archive.content"]
        readable = {
            row.item_id.id: row.content
            for row in Content.search([("item_id", "in", self.ids)])
        }
        stored = set(Content.sudo().search([("item_id", "in", self.ids)]).item_id.ids)
        for item in self:
            item.content = readable.get(item.id, False)
            item.content_restricted = item.id in stored and item.id not in readable

    def _inverse_content(self):
        Content = self.env["dealer.archive.content"]
        for item in self:
            row = Content.sudo().search([("item_id", "=", item.id)], limit=1)
            if (
                row
                and not self.env.su
                and not Content.search_count([("id", "=", row.id)])
            ):
                raise AccessError(
                    self.env._(
                        "%s is confidential: only its custodian or the "
                        "Administration Manager change its content (ADM-06).",
                        item.display_name,
                    )
                )
            if row:
                row.sudo().content = item.content
            elif item.content:
                # sudo: the content row is the item's own part.
                Content.sudo().create({"item_id": item.id, "content": item.content})
