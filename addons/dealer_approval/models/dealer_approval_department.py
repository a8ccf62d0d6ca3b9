# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from odoo.addons.dealer_base.tools import DEPARTMENTS


class DealerApprovalDepartmentMixin(models.AbstractModel):
    """A document the head of its requester's department approves (an archive
    loan, ADM-05; a vehicle use, ADM-11; a customer file request, CUS-18):
    ``department`` is the requester's (their dealer_base department role;
    Administration for a user without one) and ``head_group_id`` that
    department's Manager group, which the document's tier definition names as
    its reviewers. The document says which field holds its requester
    (``_dealer_department_user``)."""

    _name = "dealer.approval.department.mixin"
    _description = "Approved by the head of the requester's department"

    _dealer_department_user = None

    department = fields.Selection(
        DEPARTMENTS,
        compute="_compute_department",
        store=True,
        precompute=True,
    )
    head_group_id = fields.Many2one(
        "res.groups",
        string="Approved by",
        compute="_compute_head_group_id",
        store=True,
        precompute=True,
    )

    @api.model
    def _dealer_department_of(self, user):
        return (user._dealer_department() if user else False) or "administration"

    @api.depends(
        lambda self: [self._dealer_department_user]
        if self._dealer_department_user
        else []
    )
    def _compute_department(self):
        for record in self:
            record.department = self._dealer_department_of(
                record[self._dealer_department_user]
            )

    @api.depends("department")
    def _compute_head_group_id(self):
        for record in self:
            department = record.department or "administration"
            record.head_group_id = self.env.ref(
                f"dealer_base.group_{department}_manager"
            )
