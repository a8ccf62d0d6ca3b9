# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, timedelta

from odoo.tests import tagged
from odoo.tools import SQL

from .common import DealerStockCountCommon


@tagged("post_install", "-at_install")
class TestStocktakeApplyBatch(DealerStockCountCommon):
    """Issue 20: the stocktake's set-wise apply gives exactly core's
    ``action_apply_inventory`` result on the same quants and counts."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.company
        Account = cls.env["account.account"]
        accounts = Account.create(
            [
                {"name": name, "code": code, "account_type": kind}
                for name, code, kind in (
                    ("DSC valuation", "DSC1", "asset_current"),
                    ("DSC input", "DSC2", "liability_current"),
                    ("DSC output", "DSC3", "expense"),
                )
            ]
        )
        journal = cls.env["account.journal"].create(
            {"name": "DSC stock", "code": "DSCJ", "type": "general"}
        )
        cls.auto_category = cls.env["product.category"].create(
            {
                "name": "Count automated",
                "property_cost_method": "fifo",
                "property_valuation": "real_time",
                "property_stock_valuation_account_id": accounts[0].id,
                "property_stock_account_input_categ_id": accounts[1].id,
                "property_stock_account_output_categ_id": accounts[2].id,
                "property_stock_journal": journal.id,
            }
        )
        cls.category.write(
            {
                "property_valuation": "real_time",
                "property_stock_valuation_account_id": accounts[0].id,
                "property_stock_account_input_categ_id": accounts[1].id,
                "property_stock_account_output_categ_id": accounts[2].id,
                "property_stock_journal": journal.id,
            }
        )
        cls.monitor = cls.env["product.product"].create(
            {
                "name": "Count monitor",
                "default_code": "MON-1",
                "is_storable": True,
                "categ_id": cls.auto_category.id,
                "standard_price": 800.0,
            }
        )
        cls.cable = cls.env["product.product"].create(
            {
                "name": "Count cable",
                "default_code": "CAB-1",
                "is_storable": True,
                "tracking": "lot",
                "categ_id": cls.auto_category.id,
                "standard_price": 5.0,
            }
        )
        cls.lots = cls.env["stock.lot"].create(
            [{"name": f"LOT-C{n}", "product_id": cls.cable.id} for n in range(3)]
        )
        cls.package = cls.env["stock.quant.package"].create({"name": "PK-C1"})
        cls.owner = cls.env["res.partner"].create({"name": "Consignor C"})
        Quant = cls.env["stock.quant"]
        # FIFO layers to consume, then quants in both shelves, with lots, a
        # package and an owner.
        for location, qty in ((cls.shelf_a, 10), (cls.shelf_b, 6)):
            Quant._update_available_quantity(cls.monitor, location, qty)
        Quant._update_available_quantity(
            cls.monitor, cls.shelf_a, 3, owner_id=cls.owner
        )
        Quant._update_available_quantity(
            cls.keyboard, cls.shelf_b, 7, package_id=cls.package
        )
        for location, lot, qty in (
            (cls.shelf_a, cls.lots[0], 20),
            (cls.shelf_b, cls.lots[0], 8),
            (cls.shelf_a, cls.lots[1], 4),
        ):
            Quant._update_available_quantity(cls.cable, location, qty, lot_id=lot)
        company.dealer_stocktake_apply_chunk = 2
        company.dealer_stocktake_apply_job_threshold = 1000

    def _counted_with_differences(self):
        stocktake = self._started(self.shelf_a | self.shelf_b)
        targets = {
            (self.keyboard, self.shelf_a, None): 97,
            (self.keyboard, self.shelf_b, None): 12,
            (self.monitor, self.shelf_a, None): 7,
            (self.monitor, self.shelf_b, None): 9,
            (self.cable, self.shelf_a, self.lots[0]): 25,
            (self.cable, self.shelf_b, self.lots[0]): 2,
            (self.cable, self.shelf_a, self.lots[1]): 0,
            (self.ssd, self.shelf_a, self.serials[0]): 0,
        }
        quantities = {}
        for (product, location, lot), qty in targets.items():
            lines = self._line(stocktake, product, location, lot).filtered(
                lambda line: not line.package_id and not line.owner_id
            )
            quantities[lines] = qty
        # The consigned monitors and the package are counted too.
        owned = stocktake.line_ids.filtered(lambda line: line.owner_id)
        packed = stocktake.line_ids.filtered(lambda line: line.package_id)
        quantities[owned] = 1
        quantities[packed] = 9
        # A found serial and a found lot.
        sheet_a = stocktake.sheet_ids.filtered(lambda s: s.location_id == self.shelf_a)
        sheet_b = stocktake.sheet_ids.filtered(lambda s: s.location_id == self.shelf_b)
        Line = self.env["dealer.stocktake.line"]
        Line.with_user(sheet_a.counter_id).create(
            {
                "sheet_id": sheet_a.id,
                "product_id": self.ssd.id,
                "lot_id": self.serials[2].id,
                "draft_qty": 1,
            }
        )
        Line.with_user(sheet_b.counter_id).create(
            {
                "sheet_id": sheet_b.id,
                "product_id": self.cable.id,
                "lot_id": self.lots[2].id,
                "draft_qty": 5,
            }
        )
        self._count_all(stocktake, quantities)
        self._recount_all(stocktake, quantities)
        stocktake.with_user(self.manager).action_finish_counting()
        stocktake.line_ids.filtered(
            lambda line: line.count_state == "to_classify"
        ).with_user(self.manager).write({"reason_id": self.reason_natural.id})
        self.company.write(
            {
                "dealer_stocktake_admin_threshold": 1e9,
                "dealer_stocktake_manager_threshold": 1e9,
            }
        )
        return stocktake

    def _rows(self, since, start):
        """Every row an apply creates or changes, without ids or clocks."""
        env = self.env
        env.flush_all()
        env.invalidate_all()

        def clock(value):
            return "now" if value and value >= start else value

        products = (self.keyboard | self.monitor | self.cable | self.ssd).ids
        quants = {
            (
                q.product_id.id,
                q.location_id.id,
                q.lot_id.id,
                q.package_id.id,
                q.owner_id.id,
            ): (
                q.quantity,
                q.reserved_quantity,
                clock(q.in_date),
                q.inventory_quantity,
                q.inventory_quantity_set,
                q.inventory_diff_quantity,
                q.inventory_date,
                q.user_id.id,
            )
            for q in env["stock.quant"].search([("product_id", "in", products)])
        }
        moves = sorted(
            (
                m.name,
                m.reference,
                m.product_id.id,
                m.location_id.id,
                m.location_dest_id.id,
                m.product_uom_qty,
                m.quantity,
                m.state,
                m.is_inventory,
                m.restrict_partner_id.id,
                m.company_id.id,
                m.picked,
                tuple(
                    sorted(
                        (
                            ml.product_id.id,
                            ml.location_id.id,
                            ml.location_dest_id.id,
                            ml.lot_id.id,
                            ml.package_id.id,
                            ml.result_package_id.id,
                            ml.owner_id.id,
                            ml.quantity,
                            ml.state,
                            ml.picked,
                            ml.is_inventory,
                        )
                        for ml in m.move_line_ids
                    )
                ),
                tuple(
                    sorted(
                        (
                            svl.product_id.id,
                            svl.quantity,
                            svl.unit_cost,
                            svl.value,
                            svl.remaining_qty,
                            svl.remaining_value,
                            svl.description,
                            svl.lot_id.id,
                            tuple(
                                sorted(
                                    (
                                        aml.account_id.id,
                                        aml.debit,
                                        aml.credit,
                                        aml.product_id.id,
                                        aml.quantity,
                                        aml.name,
                                    )
                                    for aml in svl.account_move_id.line_ids
                                )
                            ),
                            svl.account_move_id.ref,
                            svl.account_move_id.state,
                            svl.account_move_id.journal_id.id,
                        )
                        for svl in m.stock_valuation_layer_ids
                    )
                ),
            )
            for m in env["stock.move"].search([("id", ">", since)])
        )
        # FIFO layers consumed by the apply's out moves.
        layers = sorted(
            (svl.product_id.id, svl.quantity, svl.remaining_qty, svl.remaining_value)
            for svl in env["stock.valuation.layer"].search(
                [("product_id", "in", products)]
            )
        )
        return quants, moves, layers

    def test_stk_13_apply_equals_core_row_by_row(self):
        """STK-13, issue 20: applying through the stocktake (set-wise, in
        chunks of 2) and through core's action_apply_inventory on the same
        quants and counts give the same quants, moves, move lines (lot,
        package, owner), valuation layers (FIFO consumed) and journal
        entries."""
        self.maxDiff = None
        stocktake = self._counted_with_differences()
        lines = stocktake.line_ids.filtered("variance_qty")
        self.assertGreaterEqual(len(lines), 10)
        self.env.cr.execute("SELECT COALESCE(MAX(id), 0) FROM stock_move")
        since = self.env.cr.fetchone()[0]
        start = datetime.now().replace(microsecond=0) - timedelta(seconds=1)
        savepoint = self.env.cr.savepoint()
        stocktake.with_user(self.manager).action_apply()
        self.assertEqual(stocktake.state, "applied")
        self.assertEqual(len(stocktake.move_ids), len(lines))
        ours = self._rows(since, start)
        savepoint.rollback()
        savepoint.close(rollback=False)
        self.env.invalidate_all()
        self.assertEqual(stocktake.state, "counted")
        # Core on the same quants: found items get their quant the same way,
        # then the counts become Physical Inventory counts of the manager.
        stocktake._apply_found_quants(lines.sudo())
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                UPDATE stock_quant q
                   SET inventory_quantity = q.quantity + v.diff,
                       inventory_diff_quantity = v.diff,
                       inventory_quantity_set = TRUE, user_id = %s
                  FROM (VALUES %s) AS v(id, diff) WHERE q.id = v.id
                """,
                self.manager.id,
                SQL(", ").join(
                    SQL("(%s, %s)", line.quant_id.id, line.sudo().variance_qty)
                    for line in lines
                ),
            )
        )
        self.env.invalidate_all()
        quants = lines.quant_id
        quants.with_user(self.manager).sudo().with_context(
            inventory_mode=True,
            inventory_name=f"Stocktake {stocktake.name}",
            set_inventory_quantity_auto_apply=True,
        ).action_apply_inventory()
        core = self._rows(since, start)
        self.assertEqual(
            {k: v for k, v in ours[0].items() if core[0].get(k) != v},
            {k: v for k, v in core[0].items() if ours[0].get(k) != v},
            "quants",
        )
        self.assertEqual(len(ours[1]), len(lines))
        self.assertEqual(ours[1], core[1], "moves, move lines, layers, entries")
        self.assertEqual(ours[2], core[2], "valuation layers")
        self.assertTrue(
            any(move[-1] and move[-1][0][8] for move in ours[1]),
            "journal entries were compared",
        )

    def test_stk_13_batch_key_sent_by_a_caller_switches_nothing_off(self):
        """STK-13: the batch apply's context key only works with the object
        the apply puts there; sent as text by a caller, moves reserve as
        usual."""
        move = (
            self.env["stock.move"]
            .with_context(dealer_quant_batch="1")
            .create(
                {
                    "name": "Forged batch",
                    "product_id": self.keyboard.id,
                    "product_uom_qty": 5,
                    "location_id": self.shelf_a.id,
                    "location_dest_id": self.env.ref(
                        "stock.stock_location_customers"
                    ).id,
                }
            )
        )
        move._action_confirm()
        move._action_assign()
        self.assertEqual(move.state, "assigned")
        quant = self.env["stock.quant"]._gather(
            self.keyboard, self.shelf_a, strict=True
        )
        self.assertEqual(quant.reserved_quantity, 5)
