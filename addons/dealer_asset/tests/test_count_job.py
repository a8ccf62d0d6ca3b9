# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.exceptions import UserError
from odoo.tests import tagged

from .test_asset import AssetCommon


@tagged("post_install", "-at_install")
class TestCountJob(AssetCommon):
    def _open(self, day):
        return self.env["dealer.asset.count"]._cron_open_counts(today=day)

    def _closed_count(self):
        """A closed count of the department: the laptop found, the projector
        missing, a desk lamp found that the ledger does not know."""
        count = (
            self.env["dealer.asset.count"]
            .with_user(self.clerk)
            .create(
                {
                    "name": "Lighting office count",
                    "department_id": self.department.id,
                    "period_key": "2026-06",
                }
            )
        )
        count.with_user(self.clerk).action_start()
        lines = count.line_ids
        lines.filtered(lambda line: line.asset_id == self.laptop).with_user(
            self.clerk
        ).write({"result": "found"})
        lines.filtered(lambda line: line.asset_id == self.projector).with_user(
            self.clerk
        ).write(
            {
                "result": "not_found",
                "cause": "Left at a customer's showroom",
                "responsible_id": self.keeper.id,
            }
        )
        self.env["dealer.asset.count.line"].with_user(self.clerk).create(
            {"count_id": count.id, "result": "surplus", "description": "Desk lamp"}
        )
        count.with_user(self.clerk).request_validation()
        self._validate(count, self.admin_head)
        self.assertEqual(count.state, "done")
        return count

    def test_fin_12_counts_opened_once_per_period_and_scope(self):
        """FIN-12: the job opens one count per department holding assets and
        period, however often it runs."""
        self.company.dealer_asset_count_months = 3
        day = date(2026, 11, 15)
        counts = self._open(day).filtered(lambda c: c.department_id == self.department)
        self.assertEqual(len(counts), 1)
        self.assertEqual(counts.period_key, "2026-Q4")
        self.assertFalse(self._open(day), "a second run opens nothing")
        self.assertFalse(self._open(date(2026, 12, 31)), "same quarter")
        self.assertEqual(
            len(
                self._open(date(2027, 1, 2)).filtered(
                    lambda c: c.department_id == self.department
                )
            ),
            1,
            "the next quarter has its own count",
        )

    def test_fin_12_shortage_and_surplus_settled_by_approval(self):
        """FIN-12: after the count, the shortage becomes a write-off request
        and the surplus a registration request, both approved by General
        Management (never by who asked); settling twice adds nothing; the
        approved surplus enters the ledger."""
        count = self._closed_count()
        count.with_user(self.clerk).action_settle()
        count.with_user(self.clerk).action_settle()
        self.assertEqual(len(count.disposal_ids), 1)
        self.assertEqual(count.disposal_ids.asset_id, self.projector)
        self.assertEqual(count.disposal_ids.method, "loss")
        surplus = count.surplus_ids.with_user(self.clerk)
        self.assertEqual(len(surplus), 1)
        self.assertEqual(surplus.description, "Desk lamp")
        with self.assertRaisesRegex(UserError, "FIN-12"):
            surplus.request_validation()
        surplus.write({"profile_id": self.profile.id, "value": 300})
        surplus.request_validation()
        with self.assertRaises(UserError):
            surplus.validate_tier()
        with self.assertRaisesRegex(UserError, "FIN-12"):
            surplus.write({"state": "approved"})
        self._validate(surplus, self.gm)
        self.assertEqual(surplus.state, "approved")
        self.assertEqual(surplus.asset_id.purchase_value, 300)
        self.assertEqual(surplus.asset_id.dealer_department_id, self.department)
        # The shortage is written off only through its approved request.
        with self.assertRaisesRegex(UserError, "FIN-11"):
            self.projector.with_user(self.clerk).write({"state": "removed"})

    def test_fin_12_count_exported_as_xlsx(self):
        """FIN-12: the count sheet is exported as an XLSX file."""
        count = self._closed_count()
        content, kind = self.env["ir.actions.report"]._render_xlsx(
            "dealer_asset.count_xlsx", count.ids, None
        )
        self.assertEqual(kind, "xlsx")
        self.assertTrue(content.startswith(b"PK"), "an XLSX file is a zip")

    def test_fin_11_policy_off_keeps_oca_assets(self):
        """Issue 18: a company that does not run by the manual removes its
        assets as OCA does, and the count job leaves it alone."""
        self.company.dealer_policy_manual = False
        self.assertFalse(self._open(date(2026, 11, 15)))
        self.laptop.write({"state": "removed"})
        self.assertEqual(self.laptop.state, "removed")
