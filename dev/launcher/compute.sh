# The organizations' compute nodes: one Open Liberty server per organization in
# DATATOKEN_COMPUTE_NODES, each hosting only the compute WAR with the service's own server.xml,
# its own database, datasets, work directory and chain key, as on the organization's premises.
# And the end users' device nodes (scenario S2, decision 0021): one per <organization>/<end user> in
# DATATOKEN_DEVICE_NODES, the same WAR acting for that one end user, whose chain key is its key.
# One component per node (compute-<organization>, device-<organization>-<end user>); they start side by side.

DT_COMPUTE_NODES="${DATATOKEN_COMPUTE_NODES-bank-a bank-b fintech-c vendor-a medco-b}"
DT_DEVICE_NODES="${DATATOKEN_DEVICE_NODES-vendor-a/u1 vendor-a/u2 vendor-a/u3}"
COMPUTE_SERVER_XML="$DT_REPO/services/compute/src/main/liberty/config/server.xml"

# A node's id: an organization's alias, or <organization>-<end user> for a device node.
device_id() { echo "${1%%/*}-${1#*/}"; }
# The organization/end user pair of a device node's id, if it is one.
device_of() {
    local pair
    for pair in $DT_DEVICE_NODES; do
        [[ "$(device_id "$pair")" == "$1" ]] && { echo "$pair"; return 0; }
    done
    return 1
}
compute_organization() { local pair; if pair=$(device_of "$1"); then echo "${pair%%/*}"; else echo "$1"; fi; }
compute_end_user() { local pair; if pair=$(device_of "$1"); then echo "${pair#*/}"; fi; }
compute_component() { if device_of "$1" >/dev/null; then echo "device-$1"; else echo "compute-$1"; fi; }

# Position in its list: an organization's node listens on 9181 / 9444 plus it, a device node on 9191 / 9454 plus it.
compute_index() {
    local i=0 org pair
    for org in $DT_COMPUTE_NODES; do
        [[ "$org" == "$1" ]] && { echo "$i"; return 0; }
        i=$((i + 1))
    done
    i=10
    for pair in $DT_DEVICE_NODES; do
        [[ "$(device_id "$pair")" == "$1" ]] && { echo "$i"; return 0; }
        i=$((i + 1))
    done
    return 1
}
compute_http_port() { port $((9181 + $(compute_index "$1"))); }
compute_https_port() { port $((9444 + $(compute_index "$1"))); }
compute_url() { echo "http://localhost:$(compute_http_port "$1")"; }
compute_api_url() { echo "$(compute_url "$1")/compute/api"; }
compute_database() { local id="${1//-/_}"; if device_of "$1" >/dev/null; then echo "device_$id"; else echo "compute_$id"; fi; }
compute_datasets_dir() { echo "$DT_STATE/compute/$1/datasets"; }
compute_work_dir() { echo "$DT_STATE/compute/$1/work"; }
compute_key_file() { echo "$DT_STATE/secrets/node-key-$1"; }
# A Liberty user directory per node, so nodes share nothing (not even the driver's directory).
compute_user_dir() { echo "$DT_RUNTIME/compute/$1"; }
compute_server_dir() { echo "$(compute_user_dir "$1")/servers/$(compute_component "$1")"; }

# The interpreter of the nodes' ops: the system's, not a user's shim (pyenv) of unknown version.
compute_python() {
    if [[ -x /usr/bin/python3 ]]; then echo /usr/bin/python3; else command -v python3 || true; fi
}

# The node's own chain key, generated once per instance (dev only; never committed).
compute_node_key() {
    local file
    file=$(compute_key_file "$1")
    [[ -s "$file" ]] && return 0
    (umask 077 && printf '0x%s\n' "$(head -c 32 /dev/urandom | od -An -v -tx1 | tr -d ' \n')" >"$file")
    chmod 600 "$file"
}

compute_prepare() {
    local org="$1" dir user
    dir=$(compute_server_dir "$org")
    user=$(compute_user_dir "$org")
    mkdir -p "$dir/apps" "$dir/configDropins/overrides" "$user/shared/resources/jdbc" \
        "$(compute_datasets_dir "$org")" "$(compute_work_dir "$org")"
    liberty_keystore_for_password "$dir"
    cp "$COMPUTE_SERVER_XML" "$dir/server.xml"
    # Local only: the service's server.xml listens on every interface, as in its container.
    cat >"$dir/configDropins/overrides/local.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<!-- Written by ./datatoken: a local compute node listens on loopback only and polls no directories. -->
<server>
    <httpEndpoint id="defaultHttpEndpoint" host="127.0.0.1"/>
    <applicationMonitor updateTrigger="disabled" dropinsEnabled="false"/>
</server>
XML
    rm -f "$dir"/apps/*.war "$user"/shared/resources/jdbc/*.jar
    cp "$DT_REPO/dev/liberty/target/apps/datatoken-compute.war" "$dir/apps/"
    cp "$DT_REPO"/dev/liberty/target/jdbc/*.jar "$user/shared/resources/jdbc/"
    # Values for server.xml variables and MicroProfile Config (docs/configuration.md).
    cat >"$dir/server.env" <<ENV
JAVA_HOME=$JAVA_HOME
LOG_DIR=$DT_LOGS/$(compute_component "$org")-server
HTTP_PORT=$(compute_http_port "$org")
HTTPS_PORT=$(compute_https_port "$org")
DB_HOST=127.0.0.1
DB_PORT=$(port 15432)
DB_NAME=$(compute_database "$org")
DB_USER=datatoken
DB_PASSWORD=$(secret db-password)
JWT_ISSUER=$(keycloak_url)/realms/datatoken
JWT_JWKS_URI=$(keycloak_url)/realms/datatoken/protocol/openid-connect/certs
JWT_AUDIENCE=datatoken-services
JWT_CLOCK_SKEW=${DATATOKEN_JWT_CLOCK_SKEW:-30s}
KEYSTORE_PASSWORD=$(secret keystore-password)
DATATOKEN_CHAIN_RPC_URL=$(url_chain)
DATATOKEN_CHAIN_ID=31337
DATATOKEN_CHAIN_DEPLOYMENT_FILE=$DT_STATE/chain/deployment.json
DATATOKEN_IPFS_URL=$(url_ipfs)
DATATOKEN_ASSET_URL=$(liberty_url)/asset/api
DATATOKEN_KEYCLOAK_URL=$(keycloak_url)
DATATOKEN_KEYCLOAK_CLIENT_SECRET_FILE=$DT_STATE/secrets/services-client-secret
DATATOKEN_COMPUTE_ORGANIZATION=$(compute_organization "$org")
DATATOKEN_COMPUTE_END_USER=$(compute_end_user "$org")
DATATOKEN_COMPUTE_DATASETS_DIR=$(compute_datasets_dir "$org")
DATATOKEN_COMPUTE_WORK_DIR=$(compute_work_dir "$org")
DATATOKEN_COMPUTE_NODE_KEY_FILE=$(compute_key_file "$org")
DATATOKEN_COMPUTE_PYTHON=$(compute_python)
DATATOKEN_COMPUTE_JVM_LIBRARIES=$DT_REPO/services/shared/privacy/target/op-runtime
DATATOKEN_COMPUTE_PRLIMIT=$(command -v prlimit || echo none)
DATATOKEN_COMPUTE_TRACER_URL=$(liberty_url)/tracer
ENV
    chmod 600 "$dir/server.env"
    # Lean: a node's Java is glue around its ops (Python); C1 alone starts three nodes side by side on
    # two cores in about two thirds of the time.
    printf '%s\n' -Xms64m -Xmx384m -XX:MaxMetaspaceSize=256m -XX:TieredStopAtLevel=1 >"$dir/jvm.options"
}

compute_launch() {
    local org="$1" log http database component
    component=$(compute_component "$org")
    log="$DT_LOGS/$component.log"
    http=$(compute_http_port "$org")
    database=$(compute_database "$org")
    [[ -x "$WLP_DIR/bin/server" ]] || { echo "Liberty is not staged: run mvn install" >>"$log"; return 1; }
    port_in_use "$http" && { echo "port $http is in use by another process" >>"$log"; return 1; }
    pg_ensure_database "$database" || { echo "could not create database $database (see postgres.log)" >>"$log"; return 1; }
    compute_node_key "$org"
    compute_prepare "$org"
    # --clean: see launch_liberty (a stale class scan of a rebuilt jar)
    spawn "$component" env WLP_USER_DIR="$(compute_user_dir "$org")" JAVA_HOME="$JAVA_HOME" \
        "$WLP_DIR/bin/server" run "$component" --clean
}

# "key": value pairs for stack.json, of every organization's node (key: its alias) or, with --devices,
# every device node (key: organization/end user); each value is what function $1 gives for the node's id.
compute_json_map() {
    local fn="$1" key id first=true keys="$DT_COMPUTE_NODES"
    [[ "${2:-}" == --devices ]] && keys="$DT_DEVICE_NODES"
    printf '{'
    for key in $keys; do
        id="$key"
        [[ "${2:-}" == --devices ]] && id=$(device_id "$key")
        $first || printf ', '
        first=false
        printf '"%s": "%s"' "$key" "$("$fn" "$id")"
    done
    printf '}'
}

# The components, generated from the lists (aliases and end user ids as the domain allows them).
compute_components=()
compute_ids=()
for compute_org in $DT_COMPUTE_NODES; do
    [[ "$compute_org" =~ ^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$ ]] \
        || die "DATATOKEN_COMPUTE_NODES: '$compute_org' is not an organization alias (a-z, 0-9, '-')"
    compute_ids+=("$compute_org")
done
for compute_pair in $DT_DEVICE_NODES; do
    [[ "$compute_pair" =~ ^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?/[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?$ ]] \
        || die "DATATOKEN_DEVICE_NODES: '$compute_pair' is not <organization alias>/<end user id> (a-z, 0-9, '-')"
    compute_ids+=("$(device_id "$compute_pair")")
done
for compute_id in "${compute_ids[@]}"; do
    compute_component=$(compute_component "$compute_id")
    [[ " ${compute_components[*]} " != *" $compute_component "* ]] \
        || die "DATATOKEN_COMPUTE_NODES / DATATOKEN_DEVICE_NODES name the node '$compute_id' twice"
    eval "url_$compute_component() { compute_url $compute_id; }
health_$compute_component() { http_ok \"\$(compute_url $compute_id)/health\"; }
launch_$compute_component() { compute_launch $compute_id; }"
    printf -v "DT_WAIT_${compute_component//-/_}" '%s' 240
    compute_components+=("$compute_component")
done
if ((${#compute_components[@]} > 0)); then
    DT_STAGES+=("${compute_components[*]}")
fi
unset compute_org compute_pair compute_id compute_component compute_components compute_ids
