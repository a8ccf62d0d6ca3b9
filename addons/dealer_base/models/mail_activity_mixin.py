# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.tools.translate import LazyGettext


class MailActivityMixin(models.AbstractModel):
    _inherit = "mail.activity.mixin"

    def activity_schedule(
        self, act_type_xmlid="", date_deadline=None, summary="", note="", **act_values
    ):
        """Activities read in the assignee's language, whoever creates them
        (issue 19): a summary or note given lazily (``_lt``) is translated for
        the assignee, and so are the default summary and note that the activity
        type gives (core copies them in the creator's language)."""
        activity_type = self._dealer_activity_type(act_type_xmlid, act_values)
        user = self.env["res.users"].browse(
            act_values.get("user_id") or activity_type.default_user_id.id
        )
        lang = (user or self.env.user).sudo().lang or self.env.lang or "en_US"
        if isinstance(summary, LazyGettext):
            summary = summary._translate(lang)
        if isinstance(note, LazyGettext):
            note = note._translate(lang)
        if activity_type and not (summary and note):
            # sudo: the type is configuration every employee reads anyway.
            translated = activity_type.sudo().with_context(lang=lang)
            summary = summary or translated.summary or ""
            note = note or translated.default_note or ""
        return super().activity_schedule(
            act_type_xmlid, date_deadline, summary, note, **act_values
        )

    def _dealer_activity_type(self, act_type_xmlid, act_values):
        """The activity type core's activity_schedule will use."""
        Type = self.env["mail.activity.type"]
        if act_type_xmlid:
            activity_type = Type.browse(
                self.env["ir.model.data"]._xmlid_to_res_id(
                    act_type_xmlid, raise_if_not_found=False
                )
            )
        else:
            activity_type = Type.browse(act_values.get("activity_type_id"))
        return activity_type or self._default_activity_type()
