# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""dealer_base's governed-fields guard, as this addon's models use it.

It adds what the guard does not do (yet), for this addon's models only:
fields a user fills in while a step is open and that are settled once the
  step is past (the inspection findings once the outcome is decided, the repair
  record once the repair is done, the reason of a recorded decision). A model
  says which per record in ``_dealer_settled_fields``; ``write`` refuses to
  change them from anyone but the model's own actions.
"""

from odoo import models
from odoo.exceptions import UserError

from odoo.addons.dealer_base.tools import policy_records


class DealerWarrantyGuard(models.AbstractModel):
    _name = "dealer.warranty.guard"
    _inherit = ["dealer.governed.mixin"]
    _description = "Governed fields of warranties, requests and repairs"

    def _dealer_settled_fields(self):
        """{field name: rule ID} of the fields of this record that its steps
        have settled: no longer changed but by its own actions."""
        return {}

    def _dealer_check_settled_write(self, vals):
        governed = policy_records(self, self._dealer_policy)
        if not governed or governed._dealer_is_trusted():
            return
        for record in governed:
            settled = record._dealer_settled_fields()
            for fname in vals.keys() & settled.keys():
                if not self._dealer_same_value(record, fname, vals[fname]):
                    raise UserError(
                        self.env._(
                            "%(field)s of %(record)s is settled (rule %(rule)s): "
                            "it cannot be changed any more, directly, by import "
                            "or over the API.",
                            field=self._fields[fname]._description_string(self.env),
                            record=record.display_name,
                            rule=settled[fname],
                        )
                    )

    def write(self, vals):
        self._dealer_check_settled_write(vals)
        return super().write(vals)
