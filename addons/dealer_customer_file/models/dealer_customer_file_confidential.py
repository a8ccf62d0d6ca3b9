# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class DealerCustomerFileConfidential(models.AbstractModel):
    """What the data card and its contact persons share: every read of their
    confidential fields by a person (not by the system) is written to the
    access log (CUS-22), whatever the route. The refusal itself is done by the
    record rules, so that it holds for every route of the ORM."""

    _name = "dealer.customer.file.confidential"
    _description = "Confidential Customer File Content"

    # The fields whose reading is logged; the others (file, display name) are
    # what the register shows anyway.
    _dealer_public_fields = frozenset(
        {"id", "file_id", "card_id", "partner_id", "company_id", "display_name"}
    )

    def _dealer_files(self):
        raise NotImplementedError

    def _dealer_log_read(self, field_names, channel=None):
        if self.env.su or not self:
            return
        if not set(field_names) - self._dealer_public_fields:
            return
        self.env["dealer.customer.file.access"]._dealer_log(
            self._dealer_files(), detail=self._description, channel=channel
        )

    def _fetch_query(self, query, fields):
        # Reads from the database, whatever asked for them (server code,
        # composer, QWeb); read() and search_read() log in _read_format.
        records = super()._fetch_query(query, fields)
        if not self.env.context.get("dealer_file_api_read"):
            records._dealer_log_read([field.name for field in fields])
        return records

    def read(self, fields=None, load="_classic_read"):
        return super(
            DealerCustomerFileConfidential,
            self.with_context(dealer_file_api_read=True),
        ).read(fields=fields, load=load)

    def search_read(
        self, domain=None, fields=None, offset=0, limit=None, order=None, **read_kwargs
    ):
        return super(
            DealerCustomerFileConfidential,
            self.with_context(dealer_file_api_read=True),
        ).search_read(
            domain=domain,
            fields=fields,
            offset=offset,
            limit=limit,
            order=order,
            **read_kwargs,
        )

    def _read_format(self, fnames, load="_classic_read"):
        # read, web_read, search_read and web_search_read: logged even when
        # the values were already in the cache.
        self._dealer_log_read(fnames)
        return super()._read_format(fnames, load=load)

    def export_data(self, fields_to_export):
        self._dealer_log_read(
            [name.split("/")[0] for name in fields_to_export], channel="export"
        )
        return super(
            DealerCustomerFileConfidential,
            self.with_context(dealer_file_channel="export"),
        ).export_data(fields_to_export)
