# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


def read_write(method):
    """The web client serves ``@api.readonly`` methods on a read-only cursor
    when a replica is configured; reading the data card writes the access log,
    so its reads are read/write calls (dataset.call_kw reads ``_readonly``)."""
    method._readonly = False
    return method


class DealerCustomerFileConfidential(models.AbstractModel):
    """What the data card and its contact persons share: every read of their
    confidential fields by a person (not by the system) is written to the
    access log (CUS-21, CUS-22), whatever the route, once per call and file;
    the fields that say what they belong to are governed. The refusal itself
    is done by the record rules, so that it holds for every route of the ORM.

    The public read methods (read, search_read, web_read, web_search_read,
    read_group, web_read_group, export_data) each open a read scope: what
    they read, fetched or cached, is logged once when they end, in one
    insert. Reads outside them (server code, templates, the mail composer)
    are logged as they fetch from the database."""

    _name = "dealer.customer.file.confidential"
    _inherit = ["dealer.governed.mixin"]
    _description = "Confidential Customer File Content"

    # The fields whose reading is logged; the others (file, display name) are
    # what the register shows anyway.
    _dealer_public_fields = frozenset(
        {"id", "file_id", "card_id", "partner_id", "company_id", "display_name"}
    )

    def _dealer_files(self):
        raise NotImplementedError

    def _dealer_log_read(self, field_names):
        if self.env.su or not self:
            return
        if not set(field_names) - self._dealer_public_fields:
            return
        # sudo: which file a record belongs to is public (the register); the
        # records themselves were read under the user's rights.
        files = self.sudo()._dealer_files().sudo(False)
        self.env["dealer.customer.file.access"]._dealer_log(
            files, detail=self._description
        )

    def _dealer_scoped(self, channel=None):
        return self.env["dealer.customer.file.access"]._dealer_open_scope(self, channel)

    def _dealer_end(self, scope):
        self.env["dealer.customer.file.access"]._dealer_flush(scope)

    # ------------------------------------------------------------------ fetch
    def _fetch_query(self, query, fields):
        # Reads from the database, whatever asked for them (server code, the
        # composer, QWeb): within a scope, they join its single log line.
        records = super()._fetch_query(query, fields)
        records._dealer_log_read([field.name for field in fields])
        return records

    def _read_format(self, fnames, load="_classic_read"):
        # read, web_read, search_read and web_search_read: logged even when
        # the values were already in the cache.
        result = super()._read_format(fnames, load=load)
        self._dealer_log_read(fnames)
        return result

    # ------------------------------------------------------------------ routes
    @read_write
    def read(self, fields=None, load="_classic_read"):
        records, scope = self._dealer_scoped()
        result = super(DealerCustomerFileConfidential, records).read(
            fields=fields, load=load
        )
        self._dealer_end(scope)
        return result

    @api.model
    @read_write
    def search_read(
        self, domain=None, fields=None, offset=0, limit=None, order=None, **read_kwargs
    ):
        records, scope = self._dealer_scoped()
        result = super(DealerCustomerFileConfidential, records).search_read(
            domain=domain,
            fields=fields,
            offset=offset,
            limit=limit,
            order=order,
            **read_kwargs,
        )
        self._dealer_end(scope)
        return result

    @read_write
    def web_read(self, specification):
        records, scope = self._dealer_scoped()
        result = super(DealerCustomerFileConfidential, records).web_read(specification)
        self._dealer_end(scope)
        return result

    @api.model
    @read_write
    def web_search_read(
        self, domain, specification, offset=0, limit=None, order=None, count_limit=None
    ):
        records, scope = self._dealer_scoped()
        result = super(DealerCustomerFileConfidential, records).web_search_read(
            domain,
            specification,
            offset=offset,
            limit=limit,
            order=order,
            count_limit=count_limit,
        )
        self._dealer_end(scope)
        return result

    @api.model
    @read_write
    def read_group(
        self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True
    ):
        records, scope = self._dealer_scoped()
        result = super(DealerCustomerFileConfidential, records).read_group(
            domain,
            fields,
            groupby,
            offset=offset,
            limit=limit,
            orderby=orderby,
            lazy=lazy,
        )
        self._dealer_end(scope)
        return result

    @api.model
    @read_write
    def web_read_group(
        self, domain, fields, groupby, limit=None, offset=0, orderby=False, lazy=True
    ):
        records, scope = self._dealer_scoped()
        result = super(DealerCustomerFileConfidential, records).web_read_group(
            domain,
            fields,
            groupby,
            limit=limit,
            offset=offset,
            orderby=orderby,
            lazy=lazy,
        )
        self._dealer_end(scope)
        return result

    @api.model
    def _read_group(
        self,
        domain,
        groupby=(),
        aggregates=(),
        having=(),
        offset=0,
        limit=None,
        order=None,
    ):
        # Sums and groups of card figures (pivot, grouped lists): the files
        # whose records they add up are read.
        if not self.env.su:
            names = {
                spec.split(":")[0].split(".")[0]
                for spec in (*groupby, *aggregates)
                if spec != "__count"
            }
            if names - self._dealer_public_fields:
                records = self.search_fetch(domain, ["id"])
                records._dealer_log_read(names)
        return super()._read_group(
            domain,
            groupby=groupby,
            aggregates=aggregates,
            having=having,
            offset=offset,
            limit=limit,
            order=order,
        )

    def export_data(self, fields_to_export):
        records, scope = self._dealer_scoped("export")
        result = super(DealerCustomerFileConfidential, records).export_data(
            fields_to_export
        )
        # After the export read the records under the user's rights.
        records._dealer_log_read(
            [
                name.split("/")[0]
                for name in fields_to_export
                if name.split("/")[0] in self._fields
            ]
        )
        self._dealer_end(scope)
        return result
