#!/bin/bash
# Adds the master password from the environment to the mounted odoo.conf, then
# hands over to the official image's entrypoint (database connection from HOST,
# PORT, USER and PASSWORD).
set -euo pipefail

if [ -z "${ODOO_ADMIN_PASSWD:-}" ]; then
    echo "ODOO_ADMIN_PASSWD is not set: put it in .env (see .env.example)." >&2
    exit 2
fi

export ODOO_RC=/tmp/odoo.conf
cp /etc/odoo/dealer/odoo.conf "$ODOO_RC"
printf '\nadmin_passwd = %s\n' "$ODOO_ADMIN_PASSWD" >> "$ODOO_RC"
chmod 0600 "$ODOO_RC"

exec /entrypoint.sh "$@"
