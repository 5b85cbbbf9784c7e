# The organizations' compute nodes: one Open Liberty server per organization in
# DATATOKEN_COMPUTE_NODES, each hosting only the compute WAR with the service's own server.xml,
# its own database, datasets, work directory and chain key, as on the organization's premises.
# One component per node (compute-<organization>); the nodes start side by side.

DT_COMPUTE_NODES="${DATATOKEN_COMPUTE_NODES-bank-a bank-b fintech-c vendor-a}"
COMPUTE_SERVER_XML="$DT_REPO/services/compute/src/main/liberty/config/server.xml"

# Position in the list: the node's ports are 9181 / 9444 plus it.
compute_index() {
    local i=0 org
    for org in $DT_COMPUTE_NODES; do
        [[ "$org" == "$1" ]] && { echo "$i"; return 0; }
        i=$((i + 1))
    done
    return 1
}
compute_http_port() { port $((9181 + $(compute_index "$1"))); }
compute_https_port() { port $((9444 + $(compute_index "$1"))); }
compute_url() { echo "http://localhost:$(compute_http_port "$1")"; }
compute_api_url() { echo "$(compute_url "$1")/compute/api"; }
compute_database() { echo "compute_${1//-/_}"; }
compute_datasets_dir() { echo "$DT_STATE/compute/$1/datasets"; }
compute_work_dir() { echo "$DT_STATE/compute/$1/work"; }
compute_key_file() { echo "$DT_STATE/secrets/node-key-$1"; }
# A Liberty user directory per node, so nodes share nothing (not even the driver's directory).
compute_user_dir() { echo "$DT_RUNTIME/compute/$1"; }
compute_server_dir() { echo "$(compute_user_dir "$1")/servers/compute-$1"; }

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
LOG_DIR=$DT_LOGS/compute-$org-server
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
DATATOKEN_COMPUTE_ORGANIZATION=$org
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
    local org="$1" log="$DT_LOGS/compute-$1.log" http database
    http=$(compute_http_port "$org")
    database=$(compute_database "$org")
    [[ -x "$WLP_DIR/bin/server" ]] || { echo "Liberty is not staged: run mvn install" >>"$log"; return 1; }
    port_in_use "$http" && { echo "port $http is in use by another process" >>"$log"; return 1; }
    pg_ensure_database "$database" || { echo "could not create database $database (see postgres.log)" >>"$log"; return 1; }
    compute_node_key "$org"
    compute_prepare "$org"
    spawn "compute-$org" env WLP_USER_DIR="$(compute_user_dir "$org")" JAVA_HOME="$JAVA_HOME" \
        "$WLP_DIR/bin/server" run "compute-$org"
}

# "organization": value pairs of every node, for stack.json.
compute_json_map() {
    local fn="$1" org first=true
    printf '{'
    for org in $DT_COMPUTE_NODES; do
        $first || printf ', '
        first=false
        printf '"%s": "%s"' "$org" "$("$fn" "$org")"
    done
    printf '}'
}

# The components, generated from the list (aliases as the domain's OrganizationAlias allows).
compute_components=()
for compute_org in $DT_COMPUTE_NODES; do
    [[ "$compute_org" =~ ^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$ ]] \
        || die "DATATOKEN_COMPUTE_NODES: '$compute_org' is not an organization alias (a-z, 0-9, '-')"
    [[ " ${compute_components[*]} " != *" compute-$compute_org "* ]] \
        || die "DATATOKEN_COMPUTE_NODES names '$compute_org' twice"
    eval "url_compute-$compute_org() { compute_url $compute_org; }
health_compute-$compute_org() { http_ok \"\$(compute_url $compute_org)/health\"; }
launch_compute-$compute_org() { compute_launch $compute_org; }"
    printf -v "DT_WAIT_compute_${compute_org//-/_}" '%s' 240
    compute_components+=("compute-$compute_org")
done
if ((${#compute_components[@]} > 0)); then
    DT_STAGES+=("${compute_components[*]}")
fi
unset compute_org compute_components
