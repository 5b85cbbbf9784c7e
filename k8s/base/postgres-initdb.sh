#!/bin/bash
# First start of the control plane's PostgreSQL only (the image runs /docker-entrypoint-initdb.d once,
# on an empty data directory): one role per service, owning its schema in database datatoken, and
# keycloak owning its database. Each password is the file of the same name in $DATATOKEN_DB_PASSWORDS.
set -euo pipefail
password() { tr -d '\n' <"$DATATOKEN_DB_PASSWORDS/$1" | sed "s/'/''/g"; }
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres <<SQL
create database datatoken;
create role keycloak login password '$(password keycloak)';
create database keycloak owner keycloak;
SQL
for service in asset job tracer verifier; do
    psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname datatoken <<SQL
create role $service login password '$(password "$service")';
create schema $service authorization $service;
alter role $service set search_path = $service;
SQL
done
