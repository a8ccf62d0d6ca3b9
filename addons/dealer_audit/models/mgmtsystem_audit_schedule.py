# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""AUD-01, AUD-03: the quarterly comprehensive inspection of each company,
and special inspections proposed when a threshold is crossed."""

import logging
from datetime import datetime, time

from dateutil.relativedelta import relativedelta
from psycopg2 import IntegrityError

from odoo import api, fields, models
from odoo.tools import SQL, mute_logger
from odoo.tools.translate import LazyTranslate

from odoo.addons.dealer_base.tools import period_of

from .mgmtsystem_audit import LOCK_CLASS

_lt = LazyTranslate(__name__)
_logger = logging.getLogger(__name__)


class MgmtsystemAudit(models.Model):
    # One file per concern of the inspection (issue 18), not one class per model.
    _inherit = "mgmtsystem.audit"  # pylint: disable=consider-merging-classes-inherited

    # ------------------------------------------------------------------ AUD-01
    @api.model
    def _cron_dealer_comprehensive(self):
        """Quarterly: the quarter that just ended gets its comprehensive
        inspection, one per company. Safe to run twice and on two workers."""
        _key, start, _end = period_of(fields.Date.context_today(self), 3)
        return self._dealer_open_comprehensive(start - relativedelta(days=1))

    @api.model
    def _dealer_open_comprehensive(self, day, companies=None):
        """The comprehensive inspection of the quarter holding ``day`` for each
        company that has none yet."""
        key, start, end = period_of(day, 3)
        companies = self._dealer_lock_companies(
            companies or self.env["res.company"].search([])
        )
        done = self.search(
            [
                ("dealer_kind", "=", "comprehensive"),
                ("dealer_period", "=", key),
                ("company_id", "in", companies.ids),
            ]
        ).company_id
        created = self.browse()
        for company in companies - done:
            vals = self._dealer_prepare_vals(company, "comprehensive", key, start, end)
            created |= self._dealer_create_once(vals)
        created._dealer_generate_checklist()
        created._dealer_schedule_inspection()
        return created

    @api.model
    def _dealer_lock_companies(self, companies):
        """The companies no other transaction is opening inspections for (the
        others are being handled by another worker): a transaction-level
        advisory lock per company, taken without waiting."""
        if not companies:
            return companies
        self.env.cr.execute(
            SQL(
                "SELECT id FROM res_company"
                " WHERE id IN %s AND pg_try_advisory_xact_lock(%s, id)",
                tuple(companies.ids),
                LOCK_CLASS,
            )
        )
        return companies.browse([row[0] for row in self.env.cr.fetchall()])

    @api.model
    def _dealer_create_once(self, vals):
        """Create the inspection unless another worker did since we looked: the
        unique index refuses a twin, which is not an error here."""
        try:
            with self.env.cr.savepoint(), mute_logger("odoo.sql_db"):
                return self._dealer_as_action().create(vals)
        except IntegrityError:
            _logger.info("Inspection %s already exists", vals["name"])
            return self.browse()

    @api.model
    def _dealer_prepare_vals(self, company, kind, key, start, end, **extra):
        lang = company.partner_id.lang or self.env.lang
        _ = self.with_context(lang=lang).env._
        if kind == "comprehensive":
            name = _("Comprehensive inspection %s", key)
        else:
            name = _(
                "Special inspection %(quarter)s: %(subject)s",
                quarter=key,
                subject=extra.get("dealer_trigger_note", "").split("\n")[0],
            )
        return {
            "name": name,
            "company_id": company.id,
            "date": datetime.combine(end + relativedelta(days=1), time(9)),
            "user_id": company._dealer_department_head("administration").id,
            "dealer_kind": kind,
            "dealer_period": key,
            "dealer_date_from": start,
            "dealer_date_to": end,
            **extra,
        }

    def _dealer_schedule_inspection(self, summary=None):
        """An activity for the inspection's manager (the Administration head)."""
        activity_type = self.env.ref("dealer_audit.mail_activity_type_inspection")
        for inspection in self.filtered("user_id"):
            inspection.activity_schedule(
                activity_type_id=activity_type.id,
                user_id=inspection.user_id.id,
                date_deadline=fields.Date.context_today(inspection),
                summary=summary or inspection.name,
            )

    # ------------------------------------------------------------------ AUD-03
    @api.model
    def _cron_dealer_special(self):
        """Daily: propose a special inspection when a threshold of the settings
        is crossed in the current quarter, once per threshold, subject and
        quarter. Safe to run twice and on two workers."""
        return self._dealer_propose_special(fields.Date.context_today(self))

    @api.model
    def _dealer_propose_special(self, day, companies=None):
        key, start, end = period_of(day, 3)
        end = min(end, day)
        companies = self._dealer_lock_companies(
            companies or self.env["res.company"].search([])
        )
        existing = {
            (a.company_id, a.dealer_trigger, a.dealer_trigger_ref)
            for a in self.search(
                [
                    ("dealer_kind", "=", "special"),
                    ("dealer_period", "=", key),
                    ("company_id", "in", companies.ids),
                ]
            )
        }
        created = self.browse()
        for company in companies:
            for trigger, ref, note in self._dealer_special_triggers(
                company, start, end
            ):
                if (company, trigger, ref) in existing:
                    continue
                vals = self._dealer_prepare_vals(
                    company,
                    "special",
                    key,
                    start,
                    end,
                    dealer_trigger=trigger,
                    dealer_trigger_ref=ref,
                    dealer_trigger_note=note,
                )
                created |= self._dealer_create_once(vals)
        created._dealer_generate_checklist()
        for inspection in created:
            inspection._dealer_schedule_inspection(
                summary=_lt(
                    "Proposed special inspection: %s", inspection.dealer_trigger_note
                )
            )
        return created

    @api.model
    def _dealer_special_triggers(self, company, start, end):
        """[(trigger, subject reference, note)] of the thresholds ``company``
        crossed between ``start`` and ``end``. The price threshold reads the
        registry's check of SAL-17; the bridges dealer_audit_stock_zone
        (receipt rejections) and dealer_audit_helpdesk (complaints) add
        theirs, so this addon reads no sibling's model."""
        return self._dealer_trigger_price(company, start, end)

    @api.model
    def _dealer_trigger_price(self, company, start, end):
        rule = self.env.ref("dealer_base.rule_sal_17")
        # sudo: the count covers every salesperson's orders.
        mechanisms = rule.mechanism_ids.filtered("check_method").sudo()
        results = mechanisms._dealer_run_checks(company, start, end)
        count = sum(count for count, _domain in results.values())
        if not results or count < company.dealer_audit_price_lines:
            return []
        return [
            (
                "price",
                "",
                self.env._(
                    "%(count)s order lines sold below the approved price "
                    "(limit %(limit)s)",
                    count=count,
                    limit=company.dealer_audit_price_lines,
                ),
            )
        ]
