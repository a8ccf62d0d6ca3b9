# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from psycopg2.errors import UniqueViolation

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.base.tests.common import BaseCommon


class AssetCommon(BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company

        def user(login, groups):
            return new_test_user(
                cls.env,
                login=login,
                groups=groups,
                company_id=cls.company.id,
                company_ids=[Command.set(cls.company.ids)],
            )

        cls.clerk = user("asset_clerk", "dealer_base.group_administration_user")
        cls.admin_head = user(
            "asset_admin_head", "dealer_base.group_administration_manager"
        )
        cls.gm = user("asset_gm", "dealer_base.group_general_management")
        cls.department = cls.env["hr.department"].create(
            {"name": "Lighting office", "company_id": cls.company.id}
        )
        cls.keeper = cls.env["hr.employee"].create(
            {"name": "Asset keeper", "department_id": cls.department.id}
        )

        def account(code, kind):
            return cls.env["account.account"].create(
                {
                    "name": f"Account {code}",
                    "code": code,
                    "account_type": kind,
                    "company_ids": [Command.set(cls.company.ids)],
                }
            )

        journal = cls.env["account.journal"].create(
            {"name": "Assets", "code": "DASS", "type": "general"}
        )
        cls.profile = cls.env["account.asset.profile"].create(
            {
                "name": "Office computers",
                "account_asset_id": account("160101", "asset_fixed").id,
                "account_depreciation_id": account("160201", "asset_fixed").id,
                "account_expense_depreciation_id": account("660299", "expense").id,
                "journal_id": journal.id,
                "method_number": 3,
            }
        )

        def asset(name):
            record = cls.env["account.asset"].create(
                {
                    "name": name,
                    "profile_id": cls.profile.id,
                    "purchase_value": 6000,
                    "date_start": date(date.today().year, 1, 1),
                    "dealer_custodian_id": cls.keeper.id,
                    "dealer_department_id": cls.department.id,
                    "dealer_location": "Showroom",
                }
            )
            record.validate()
            return record

        cls.laptop = asset("ThinkPad T14")
        cls.projector = asset("Epson projector")

    def _validate(self, record, user, comment="Agreed."):
        action = record.with_user(user).validate_tier()
        if isinstance(action, dict):
            self.env["comment.wizard"].with_user(user).with_context(
                **action["context"]
            ).create({"comment": comment}).add_comment()


@tagged("post_install", "-at_install")
class TestAsset(AssetCommon):
    def test_fin_12_shortage_needs_cause_and_responsible(self):
        """FIN-12: a count with a shortage is not sent for approval nor closed
        without its cause and the person responsible; then the Administration
        Manager (not the counter) approves and the asset is marked missing."""
        count = (
            self.env["dealer.asset.count"]
            .with_user(self.clerk)
            .create(
                {
                    "name": "Lighting office count",
                    "department_id": self.department.id,
                    "period_key": "2026-12",
                }
            )
        )
        count.with_user(self.clerk).action_start()
        self.assertEqual(count.line_ids.asset_id, self.laptop | self.projector)
        found = count.line_ids.filtered(lambda line: line.asset_id == self.laptop)
        missing = count.line_ids - found
        found.with_user(self.clerk).write({"result": "found"})
        missing.with_user(self.clerk).write({"result": "not_found"})
        with self.assertRaisesRegex(UserError, "FIN-12"):
            count.with_user(self.clerk).request_validation()
        missing.with_user(self.clerk).write({"cause": "Lent to a customer demo"})
        with self.assertRaisesRegex(UserError, "FIN-12"):
            count.with_user(self.clerk).request_validation()
        with self.assertRaisesRegex(UserError, "FIN-12"):
            count.with_user(self.clerk).action_close()
        with self.assertRaisesRegex(UserError, "FIN-12"):
            count.with_user(self.clerk).write({"state": "done"})
        missing.with_user(self.clerk).write({"responsible_id": self.keeper.id})
        count.with_user(self.clerk).request_validation()
        with self.assertRaises(UserError):
            count.with_user(self.clerk).validate_tier()
        self._validate(count, self.admin_head)
        self.assertEqual(count.state, "done")
        self.assertEqual(self.projector.dealer_physical_state, "missing")
        with self.assertRaisesRegex(UserError, "FIN-12"):
            missing.with_user(self.clerk).write({"cause": "Changed"})
        # One count per period and scope.
        with (
            self.assertRaises(UniqueViolation),
            mute_logger("odoo.sql_db"),
            self.cr.savepoint(),
        ):
            self.env["dealer.asset.count"].create(
                {
                    "name": "Again",
                    "department_id": self.department.id,
                    "period_key": "2026-12",
                }
            )

    def test_fin_11_disposal_without_approval_refused(self):
        """FIN-11: an asset is not removed without an approved disposal request,
        by the wizard or a write; the requester does not approve it; General
        Management does, then the removal goes through."""
        with self.assertRaisesRegex(UserError, "FIN-11"):
            self.laptop.with_user(self.clerk).remove()
        with self.assertRaisesRegex(UserError, "FIN-11"):
            self.laptop.with_user(self.clerk).write({"state": "removed"})
        request = (
            self.env["dealer.asset.disposal"]
            .with_user(self.clerk)
            .create(
                {
                    "asset_id": self.laptop.id,
                    "method": "scrap",
                    "reason": "Mainboard failure, repair costs more than a new one",
                }
            )
        )
        request.with_user(self.clerk).request_validation()
        with self.assertRaises(UserError):
            request.with_user(self.clerk).validate_tier()
        with self.assertRaisesRegex(UserError, "FIN-11"):
            self.laptop.with_user(self.clerk).remove()
        self._validate(request, self.gm)
        self.assertEqual(request.state, "approved")
        action = self.laptop.with_user(self.clerk).remove()
        self.assertEqual(action["res_model"], "account.asset.remove")
        self.laptop.write({"state": "removed"})
        self.assertEqual(request.state, "done")
