# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.tools.translate import LazyGettext


class MailActivityMixin(models.AbstractModel):
    _inherit = "mail.activity.mixin"

    def activity_schedule(
        self, act_type_xmlid="", date_deadline=None, summary="", note="", **act_values
    ):
        """A summary or note given lazily (``_lt``) is written in the
        assignee's language: an activity that a scheduled job or a colleague
        creates reads in Chinese for a Chinese user (issue 19)."""
        if isinstance(summary, LazyGettext) or isinstance(note, LazyGettext):
            user = self.env["res.users"].browse(act_values.get("user_id"))
            lang = (user or self.env.user).sudo().lang or self.env.lang or "en_US"
            if isinstance(summary, LazyGettext):
                summary = summary._translate(lang)
            if isinstance(note, LazyGettext):
                note = note._translate(lang)
        return super().activity_schedule(
            act_type_xmlid, date_deadline, summary, note, **act_values
        )
