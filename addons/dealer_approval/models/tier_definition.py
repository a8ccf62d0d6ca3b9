# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models, tools


class TierDefinition(models.Model):
    _inherit = "tier.definition"

    @api.model
    def _get_tier_validation_model_names(self):
        """Every document of the dealer addons that uses the approval mixin."""
        names = super()._get_tier_validation_model_names()
        # The children of the mixin and of its abstract children (the request
        # mixin), at any depth.
        found, todo = set(), ["dealer.approval.mixin"]
        while todo:
            children = set(self.env[todo.pop()]._inherit_children) - found
            found |= children
            todo.extend(children)
        return names + [
            name
            for name in sorted(found)
            if not self.env[name]._abstract and name not in names
        ]

    @api.model
    @tools.ormcache("model_name")
    def _dealer_reviewer_fields(self, model_name):
        """Fields of ``model_name`` that its tier definitions read reviewers
        from: the dealer approval mixin governs them."""
        definitions = (
            self.sudo()
            .with_context(active_test=False)
            .search([("model", "=", model_name), ("reviewer_field_id", "!=", False)])
        )
        return tuple(sorted(set(definitions.reviewer_field_id.mapped("name"))))

    @api.model_create_multi
    def create(self, vals_list):
        self.env.registry.clear_cache()
        return super().create(vals_list)

    def write(self, vals):
        self.env.registry.clear_cache()
        return super().write(vals)

    def unlink(self):
        self.env.registry.clear_cache()
        return super().unlink()
