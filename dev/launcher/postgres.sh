# PostgreSQL from the machine's binaries (Debian: apt-get install postgresql). One database
# 'datatoken' with a schema per service, one 'keycloak' database, and one 'compute_<organization>'
# database per compute node (created by its launch). PostgreSQL refuses to run as root, so as
# root it runs as the 'postgres' system user.

DT_WAIT_postgres=60
PG_DATA="$DT_STATE/postgres"
PG_SOCKETS="$DT_RUN/postgres-sockets"

pg_bin() {
    local dir
    for dir in ${DATATOKEN_PG_BIN:-} /usr/lib/postgresql/*/bin /usr/local/pgsql/bin; do
        if [[ -x "$dir/pg_ctl" ]]; then echo "$dir"; return 0; fi
    done
    command -v pg_ctl >/dev/null && dirname "$(command -v pg_ctl)" && return 0
    return 1
}

# Runs a PostgreSQL tool as the user that owns the cluster.
as_pg_user() {
    if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

url_postgres() { echo "postgresql://localhost:$(port 15432)/datatoken"; }

health_postgres() {
    "$(pg_bin)/pg_isready" -q -h 127.0.0.1 -p "$(port 15432)" -d datatoken
}

launch_postgres() {
    local bin
    bin=$(pg_bin) || { echo "no PostgreSQL binaries found: apt-get install postgresql (or set DATATOKEN_PG_BIN)" >>"$DT_LOGS/postgres.log"; return 1; }
    port_in_use "$(port 15432)" && { echo "port $(port 15432) is in use by another process" >>"$DT_LOGS/postgres.log"; return 1; }
    mkdir -p "$PG_SOCKETS"
    if [[ ! -f "$PG_DATA/PG_VERSION" ]]; then
        mkdir -p "$PG_DATA"
        local pwfile="$DT_RUN/pg-initial-password"
        secret db-password >"$pwfile"
        if [[ $EUID -eq 0 ]]; then chown -R postgres: "$PG_DATA" "$PG_SOCKETS" "$pwfile"; fi
        as_pg_user "$bin/initdb" -D "$PG_DATA" -U datatoken --pwfile="$pwfile" --auth=scram-sha-256 \
            -E UTF8 --locale=C.UTF-8 >>"$DT_LOGS/postgres.log" 2>&1 || { rm -f "$pwfile"; return 1; }
        rm -f "$pwfile"
    fi
    if [[ $EUID -eq 0 ]]; then chown postgres: "$PG_SOCKETS"; touch "$DT_LOGS/postgres.log"; chown postgres: "$DT_LOGS/postgres.log"; fi
    as_pg_user "$bin/pg_ctl" -D "$PG_DATA" -l "$DT_LOGS/postgres.log" -w -t 60 \
        -o "-p $(port 15432) -k $PG_SOCKETS -c listen_addresses=127.0.0.1" start >/dev/null || return 1
    record_pid postgres "$(head -n 1 "$PG_DATA/postmaster.pid")"
}

ready_postgres() {
    pg_ensure_database datatoken && pg_ensure_database keycloak
}

# Creates a database of the instance unless it exists (also used by each compute node's launch).
pg_ensure_database() {
    local db="$1"
    if ! PGPASSWORD=$(secret db-password) psql -h 127.0.0.1 -p "$(port 15432)" -U datatoken -d postgres -tAc \
        "select 1 from pg_database where datname = '$db'" | grep -q 1; then
        PGPASSWORD=$(secret db-password) psql -q -h 127.0.0.1 -p "$(port 15432)" -U datatoken -d postgres \
            -c "create database $db" >>"$DT_LOGS/postgres.log" 2>&1 || return 1
    fi
}

halt_postgres() {
    local bin
    [[ -f "$PG_DATA/postmaster.pid" ]] || return 0
    bin=$(pg_bin) || return 0
    step "stopping postgres"
    as_pg_user "$bin/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >/dev/null 2>&1 || true
}
