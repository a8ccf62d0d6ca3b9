# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

HEADCOUNT_OWNERS = (
    "dealer_base.group_administration_manager",
    "dealer_base.group_general_management",
)


def check_headcount_owner(records, vals):
    """ORG-23: the approved headcount is set by the Administration Manager or
    General Management only."""
    env = records.env
    if "dealer_approved_headcount" not in vals or env.su:
        return
    if not any(env.user.has_group(group) for group in HEADCOUNT_OWNERS):
        raise UserError(
            env._(
                "Approved headcount: only the Administration Manager or General "
                "Management set it (ORG-23)."
            )
        )


class HrJob(models.Model):
    _inherit = "hr.job"

    dealer_approved_headcount = fields.Integer(
        string="Approved headcount",
        tracking=True,
        help="How many people this post may have (ORG-23); 0: not limited. "
        "Hiring beyond it needs the Administration Manager's recorded decision.",
    )

    def write(self, vals):
        check_headcount_owner(self, vals)
        return super().write(vals)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            check_headcount_owner(self, vals)
        return super().create(vals_list)
