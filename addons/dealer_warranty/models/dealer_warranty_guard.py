# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""dealer_base's governed-fields guard, as this addon's models use it.

It adds two things the guard does not do (yet), for this addon's models only:

- Fields a user fills in while a step is open and that are settled once the
  step is past (the inspection findings once the outcome is decided, the repair
  record once the repair is done, the reason of a recorded decision). A model
  says which per record in ``_dealer_settled_fields``; ``write`` refuses to
  change them from anyone but the model's own actions.
- Context defaults of governed fields (``default_<field>``): ``create`` takes
  a field's default from the caller's context, which the guard would accept as
  "the starting value". They are dropped here unless the caller is trusted.
"""

from odoo import api, models
from odoo.exceptions import UserError


class DealerWarrantyGuard(models.AbstractModel):
    _name = "dealer.warranty.guard"
    _inherit = ["dealer.governed.mixin"]
    _description = "Governed fields of warranties, requests and repairs"

    def _dealer_settled_fields(self):
        """{field name: rule ID} of the fields of this record that its steps
        have settled: no longer changed but by its own actions."""
        return {}

    def _dealer_check_settled_write(self, vals):
        if self._dealer_is_trusted():
            return
        for record in self:
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

    @api.model
    def _dealer_without_governed_defaults(self):
        """This model without the caller's ``default_<governed field>`` context
        keys: a governed field starts from its own default, not the caller's."""
        if self._dealer_is_trusted() or not any(
            key.startswith("default_") for key in self.env.context
        ):
            return self
        governed = self._dealer_governed_fields()
        context = {
            key: value
            for key, value in self.env.context.items()
            if not (key.startswith("default_") and key[8:] in governed)
        }
        if len(context) == len(self.env.context):
            return self
        # A new environment, not with_context(): keys are dropped, not added.
        return self.with_env(self.env(context=context))

    @api.model_create_multi
    def create(self, vals_list):
        env = self.env
        model = self._dealer_without_governed_defaults()
        return super(DealerWarrantyGuard, model).create(vals_list).with_env(env)

    def write(self, vals):
        self._dealer_check_settled_write(vals)
        return super().write(vals)
