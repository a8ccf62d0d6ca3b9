# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.modules import module as odoo_module
from odoo.tools import SQL
from odoo.tools.translate import LazyTranslate

_logger = logging.getLogger(__name__)
_lt = LazyTranslate(__name__)

JOB_STATES = [
    ("queued", "Queued"),
    ("running", "Running"),
    ("done", "Done"),
    ("failed", "Failed"),
]


class DealerStocktakeApplyJob(models.Model):
    """The background apply of a large stocktake (STK-13, issue 20).

    The apply runs in one database transaction, chunk by chunk: a crash
    (an error, a killed worker) rolls every chunk back, so the stocktake is
    never half applied. The stocktake stays "Applying" with its job queued;
    the next run of the job starts it again from the beginning and gives the
    same result. Progress is written through a separate cursor, so that it
    is visible while the apply's own transaction is still open."""

    _name = "dealer.stocktake.apply.job"
    _description = "Stocktake Apply Job"
    _order = "id desc"
    _check_company_auto = True

    stocktake_id = fields.Many2one(
        "dealer.stocktake", required=True, index=True, ondelete="cascade", readonly=True
    )
    company_id = fields.Many2one(related="stocktake_id.company_id", store=True)
    user_id = fields.Many2one(
        "res.users", string="Started by", required=True, readonly=True
    )
    state = fields.Selection(
        JOB_STATES, default="queued", required=True, readonly=True, index=True
    )
    date_queued = fields.Datetime(readonly=True, default=fields.Datetime.now)
    date_started = fields.Datetime(readonly=True)
    date_done = fields.Datetime(readonly=True)
    progress_done = fields.Integer(string="Quants adjusted", readonly=True)
    progress_total = fields.Integer(string="Quants to adjust", readonly=True)
    attempts = fields.Integer(readonly=True)
    error = fields.Text(readonly=True)

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise AccessError(
                self.env._("Apply jobs are started by the stocktake's Apply button.")
            )
        return super().create(vals_list)

    def _progress(self, state=None, done=None, total=None, **values):
        """Progress seen by others while the apply's transaction is open.
        The apply's own transaction never writes the job before it ends (the
        second cursor would wait for its lock)."""
        self.ensure_one()
        if state:
            values["state"] = state
        if done is not None:
            values["progress_done"] = done
        if total is not None:
            values["progress_total"] = total
        if state == "running":
            values["date_started"] = fields.Datetime.now()
        if odoo_module.current_test or self.env.registry.in_test_mode():
            # One transaction in tests: no second cursor can see the job.
            self.sudo().write(values)
            return
        assignments = SQL(", ").join(
            SQL("%s = %s", SQL.identifier(fname), value)
            for fname, value in values.items()
        )
        with self.env.registry.cursor() as cr:
            cr.execute(
                SQL(
                    "UPDATE dealer_stocktake_apply_job SET %s WHERE id = %s",
                    assignments,
                    self.id,
                )
            )

    @api.model
    def _cron_run(self, limit=5):
        """Run queued applies. Safe under several workers: a job runs while
        its stocktake's row is locked; a job whose worker died is found
        queued or running with its row free and runs again."""
        jobs = self.sudo().search([("state", "in", ("queued", "running"))], limit=limit)
        for job in jobs:
            job._run()
        return True

    def _run(self):
        self.ensure_one()
        stocktake = self.stocktake_id
        self.env.cr.execute(
            SQL(
                "SELECT id FROM dealer_stocktake WHERE id = %s "
                "FOR NO KEY UPDATE SKIP LOCKED",
                stocktake.id,
            )
        )
        if not self.env.cr.fetchone():
            return False  # another worker is applying it
        stocktake.invalidate_recordset(["state"])
        if stocktake.state != "applying":
            self.sudo().write({"state": "failed", "error": "not applying"})
            return False
        self._progress(state="running", attempts=self.attempts + 1)
        as_starter = stocktake.with_user(self.user_id).with_company(
            stocktake.company_id
        )
        try:
            with self.env.cr.savepoint():
                as_starter._dealer_apply_now(job=self)
        except Exception as error:  # noqa: BLE001 (any failure rolls the apply back)
            _logger.exception("Apply of stocktake %s failed", stocktake.name)
            # The savepoint undid every chunk: nothing of the adjustment
            # remains; the stocktake goes back to review, not to "applied".
            stocktake._dealer_as_action().write({"state": "counted"})
            self.sudo().write(
                {
                    "state": "failed",
                    "error": str(error),
                    "date_done": fields.Datetime.now(),
                }
            )
            stocktake.message_post(
                body=self.env._(
                    "The adjustment could not be applied and nothing of it was "
                    "applied: %(error)s",
                    error=str(error),
                )
            )
            stocktake.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=self.user_id.id,
                summary=_lt("Apply failed: see the stocktake's messages"),
            )
            return False
        self.sudo().write({"state": "done", "date_done": fields.Datetime.now()})
        return True
