# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Test helpers the dealer addons share."""

from odoo_test_helper import FakeModelLoader


def load_fake_models(test_class, module, import_models):
    """Load models defined for tests only into ``test_class``'s registry, open
    them to internal users, and put the registry back when the class ends.

    ``import_models`` imports and returns the model classes: odoo_test_helper
    wants them imported after its backup, or it warns of a wrong import."""
    loader = FakeModelLoader(test_class.env, module)
    loader.backup_registry()
    model_classes = import_models()
    loader.update_registry(model_classes)

    def restore():
        loader.restore_registry()
        # odoo_test_helper puts the classes back, not the registry's maps of
        # computed fields and triggers: set the models up again.
        test_class.env.registry.setup_models(test_class.env.cr)

    test_class.addClassCleanup(restore)
    for model_class in model_classes:
        model = test_class.env["ir.model"]._get(model_class._name)
        if test_class.env["ir.model.access"].search_count(
            [("model_id", "=", model.id)]
        ):
            continue
        test_class.env["ir.model.access"].create(
            {
                "name": f"test {model_class._name}",
                "model_id": model.id,
                "group_id": test_class.env.ref("base.group_user").id,
                "perm_read": True,
                "perm_write": True,
                "perm_create": True,
                "perm_unlink": True,
            }
        )
