# Copyright 2026 Dealer Management Team
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import DealerWarrantyCommon


@tagged("post_install", "-at_install")
class TestWarrantySecurity(DealerWarrantyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lot = cls._lot(cls.keyboard, "KB-SEC")
        _order, picking = cls._sell(cls.keyboard, 1, cls.lot)
        cls.warranty = picking.dealer_warranty_ids

    def test_asv22_sales_reads_but_cannot_change_warranties(self):
        """ASV-22: Sales answers customers from the warranty, but only After-sales
        managers change one."""
        warranty = self.warranty.with_user(self.salesperson)
        self.assertEqual(warranty.end_date, self.warranty.end_date)
        with self.assertRaises(AccessError):
            warranty.void_reason = "I want to"
        with self.assertRaises(AccessError):
            self.env["dealer.warranty"].with_user(self.salesperson).create(
                {"name": "X"}
            )

    def test_asv22_only_after_sales_manager_voids(self):
        """Voiding a warranty is an After-sales Manager's decision, with a reason."""
        with self.assertRaisesRegex(UserError, "After-sales Manager"):
            self.warranty.with_user(self.after_sales).action_void()
        warranty = self.warranty.with_user(self.after_sales_manager)
        with self.assertRaisesRegex(UserError, "void reason"):
            warranty.action_void()
        warranty.void_reason = "Sold by mistake, unit recalled"
        warranty.action_void()
        self.assertEqual(self.warranty.state, "void")
        self.assertEqual(self.warranty.void_reason, "Sold by mistake, unit recalled")

    def test_asv19_warehouse_cannot_create_requests(self):
        """Requests are taken by Sales and After-sales, not by the warehouse."""
        with self.assertRaises(AccessError):
            self.Claim.with_user(self.warehouse_user).create({"lot_id": self.lot.id})
        claim = self.Claim.with_user(self.salesperson).create({"lot_id": self.lot.id})
        self.assertEqual(claim.warranty_id, self.warranty)

    def test_asv22_other_company_warranties_are_hidden(self):
        """Multi-company: a warranty of another company is not visible."""
        other = self.env["res.company"].create({"name": "Other Dealer Co"})
        outsider = new_test_user(
            self.env,
            login="wa_outsider",
            groups="dealer_base.group_after_sales_manager",
            company_id=other.id,
            company_ids=[(6, 0, other.ids)],
        )
        found = (
            self.env["dealer.warranty"]
            .with_user(outsider)
            .search([("lot_id.name", "=", "KB-SEC")])
        )
        self.assertFalse(found)
