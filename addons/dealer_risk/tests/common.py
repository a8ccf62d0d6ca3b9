# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon


class DealerRiskCommon(BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env["res.company"].create({"name": "Lighting Office Risk Co"})
        cls.env = cls.env(
            context=dict(cls.env.context, allowed_company_ids=cls.company.ids)
        )
        cls.company = cls.company.with_env(cls.env)

        def user(login, groups):
            return new_test_user(
                cls.env,
                login=login,
                groups=groups,
                company_id=cls.company.id,
                company_ids=[Command.set(cls.company.ids)],
            )

        cls.staff = user("risk_staff", "dealer_base.group_sales_user")
        cls.owner = user("risk_owner", "dealer_base.group_purchasing_user")
        cls.sales_head = user("risk_sales_head", "dealer_base.group_sales_manager")
        cls.office_mgr = user(
            "risk_office_mgr", "dealer_base.group_administration_manager"
        )
        cls.gm = user("risk_gm", "dealer_base.group_general_management")
        cls.gm2 = user("risk_gm2", "dealer_base.group_general_management")
        cls.settings_admin = user("risk_settings", "base.group_system")
        cls.strategy = {
            code: cls.env.ref(f"dealer_risk.strategy_{code}")
            for code in ("avoid", "reduce", "transfer", "monitor", "accept")
        }

    @classmethod
    def _risk(cls, likelihood=0, impact=0, owner=None, **vals):
        owner = owner or cls.owner
        return (
            cls.env["dealer.risk"]
            .with_user(owner)
            .create(
                {
                    "name": vals.pop("name", "SSD supplier stops delivering"),
                    "category": "market",
                    "company_id": cls.company.id,
                    "owner_id": owner.id,
                    "likelihood": likelihood,
                    "impact": impact,
                    **vals,
                }
            )
        )

    def _validate(self, record, user, comment="Agreed."):
        """Approve as ``user`` through the comment wizard the tier asks for."""
        action = record.with_user(user).validate_tier()
        if isinstance(action, dict):
            self.env["comment.wizard"].with_user(user).with_context(
                **action["context"]
            ).create({"comment": comment}).add_comment()
