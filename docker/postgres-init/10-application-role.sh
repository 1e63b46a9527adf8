#!/bin/sh
# Run by the postgres image once, when it makes its cluster (an empty volume). The application gets a role of its own
# that owns its database but is neither superuser nor BYPASSRLS: row-level security, which keeps each municipality's
# rows from the others, binds it, and the application refuses to start as a role it does not bind
# (docs/configuration.md, "The database role"). The image's superuser (POSTGRES_USER) stays for administration.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres -v password="$INDKOEB_DB_PASSWORD" <<'SQL'
create role indkoebsscreening login nosuperuser nobypassrls nocreatedb nocreaterole password :'password';
create database indkoebsscreening owner indkoebsscreening;
\connect indkoebsscreening
alter schema public owner to indkoebsscreening;
SQL
