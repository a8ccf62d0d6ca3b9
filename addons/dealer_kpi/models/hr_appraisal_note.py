# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 21, security: the managers' private note of an appraisal lives in
its own model, which the appraisee cannot read (record rules), so no route
shows it to them: not the form, not the external API, not an export.
hr_appraisal_oca only hides its ``note`` page in the form."""

from odoo import api, fields, models


class DealerAppraisalNote(models.Model):
    _name = "dealer.appraisal.note"
    _description = "Appraisal Private Note"

    appraisal_id = fields.Many2one(
        "hr.appraisal", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="appraisal_id.company_id", store=True)
    note = fields.Html(string="Private Note")

    _sql_constraints = [
        (
            "appraisal_unique",
            "UNIQUE(appraisal_id)",
            "An appraisal has one private note.",
        )
    ]


class HrAppraisal(models.Model):
    _inherit = "hr.appraisal"

    # Not stored any more: read and written through dealer.appraisal.note in
    # the user's own rights (compute_sudo off), so the appraisee reads
    # nothing.
    note = fields.Html(
        string="Private Note",
        compute="_compute_note",
        inverse="_inverse_note",
        compute_sudo=False,
        store=False,
        help="The content of this note is not visible by the Employee.",
    )

    @api.depends_context("uid")
    def _compute_note(self):
        notes = {
            note.appraisal_id.id: note.note
            for note in self.env["dealer.appraisal.note"].search(
                [("appraisal_id", "in", self.ids)]
            )
        }
        for appraisal in self:
            appraisal.note = notes.get(appraisal.id, False)

    def _inverse_note(self):
        Note = self.env["dealer.appraisal.note"]
        # sudo: only to find the note, which is then written in the user's
        # rights (the appraisee is refused, not handed a second note).
        notes = Note.sudo().search([("appraisal_id", "in", self.ids)])
        by_appraisal = {note.appraisal_id.id: note.sudo(False) for note in notes}
        for appraisal in self:
            note = by_appraisal.get(appraisal.id)
            if note:
                note.note = appraisal.note
            elif appraisal.note:
                Note.create({"appraisal_id": appraisal.id, "note": appraisal.note})
