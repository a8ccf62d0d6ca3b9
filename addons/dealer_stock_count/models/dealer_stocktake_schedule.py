# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging
from datetime import timedelta

from psycopg2 import IntegrityError

from odoo import api, fields, models
from odoo.tools.translate import LazyTranslate

from odoo.addons.dealer_base.tools import policy_records

from .dealer_stocktake import period_bounds

_logger = logging.getLogger(__name__)
_lt = LazyTranslate(__name__)


class DealerStocktake(models.Model):
    """Scheduled sessions of every warehouse (STK-11, STK-12)."""

    # One concern per file (issue 18: files under ~400 lines).
    _inherit = "dealer.stocktake"  # pylint: disable=consider-merging-classes-inherited

    # ------------------------------------------------------------------
    # Scheduling (STK-11, STK-12)
    # ------------------------------------------------------------------
    @api.model
    def _cron_schedule(self):
        """Daily: open this period's sessions of every warehouse. Safe to run
        twice and on several workers."""
        today = fields.Date.context_today(self)
        warehouses = self.env["stock.warehouse"].search(
            [("dealer_stocktake_scheduled", "=", True)]
        )
        # A company that does not run by the manual gets no sessions (issue 18).
        return self._schedule_sessions(policy_records(warehouses), today)

    @api.model
    def _schedule_sessions(self, warehouses, day):
        created = self.browse()
        due = [
            (warehouse, kind, *period_bounds(kind, day))
            for warehouse in warehouses
            for kind in warehouse.company_id._dealer_stocktake_kinds_due(day)
        ]
        existing = {
            (stocktake.warehouse_id, stocktake.kind, stocktake.period_start)
            for stocktake in self.search(
                [
                    ("warehouse_id", "in", warehouses.ids),
                    ("kind", "in", ["monthly", "quarterly"]),
                    ("period_start", "in", list({d[2] for d in due})),
                ]
            )
        }
        for warehouse, kind, period_start, period_end in due:
            if (warehouse, kind, period_start) in existing:
                continue
            vals = self._prepare_scheduled_vals(
                warehouse, kind, period_start, period_end
            )
            try:
                with self.env.cr.savepoint():
                    stocktake = self.with_company(warehouse.company_id).create(vals)
            except IntegrityError:
                # Another worker created it since our search: fine.
                _logger.info(
                    "Stocktake %s %s of %s already exists",
                    kind,
                    period_start,
                    warehouse.display_name,
                )
                continue
            stocktake._schedule_count_activities()
            created |= stocktake
        return created

    @api.model
    def _prepare_scheduled_vals(self, warehouse, kind, period_start, period_end):
        company = warehouse.company_id
        if kind == "quarterly":
            deadline = period_start + timedelta(
                days=company.dealer_stocktake_quarter_days - 1
            )
        else:
            deadline = period_start.replace(day=company.dealer_stocktake_monthly_day)
        vals = {
            "company_id": company.id,
            "warehouse_id": warehouse.id,
            "kind": kind,
            "period_start": period_start,
            "period_end": period_end,
            "deadline": deadline,
            "blind": company.dealer_stocktake_blind,
            "responsible_id": (
                warehouse.dealer_stocktake_responsible_id
                or company._dealer_department_head("warehouse")
            ).id,
            "counter_ids": [
                fields.Command.set(warehouse.dealer_stocktake_counter_ids.ids)
            ],
        }
        vals.update(self._scope_vals(warehouse, kind, period_start))
        return vals

    @api.model
    def _scope_vals(self, warehouse, kind, period_start):
        """What a scheduled session counts. Quarterly: everything, inspection
        zones included. Monthly: the company's chosen scope."""
        locations = warehouse._dealer_stocktake_locations()
        company = warehouse.company_id
        vals = {"location_ids": [fields.Command.set(locations.ids)]}
        if kind != "monthly":
            return vals
        scope = company.dealer_stocktake_monthly_scope
        if scope == "locations":
            chosen = company.dealer_stocktake_location_ids.filtered(
                lambda loc: loc in locations
            )
            vals["location_ids"] = [fields.Command.set(chosen.ids)]
        elif scope == "categories":
            vals["category_ids"] = [
                fields.Command.set(company.dealer_stocktake_category_ids.ids)
            ]
        elif scope == "high_value":
            vals["high_value_only"] = True
        elif scope == "rotating":
            # Month n of the quarter counts every third location from n, so
            # three monthly counts cover every location once a quarter.
            month_in_quarter = (period_start.month - 1) % 3
            chosen = locations.ids[month_in_quarter::3]
            vals["location_ids"] = [fields.Command.set(chosen)]
        return vals

    def _schedule_count_activities(self):
        activity_type = self.env.ref("dealer_stock_count.mail_activity_stocktake_count")
        for stocktake in self:
            users = stocktake.counter_ids | stocktake.responsible_id
            for user in users:
                stocktake.activity_schedule(
                    activity_type_id=activity_type.id,
                    date_deadline=stocktake.deadline,
                    user_id=user.id,
                    summary=_lt("Stocktake %s", stocktake.name),
                )
