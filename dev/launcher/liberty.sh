# One Open Liberty server hosting every service WAR but the compute node's, and the portal
# (dev/liberty stages it); the compute nodes run as servers of their own (compute.sh). Its server
# directory lives in the instance, so instances never share state.

DT_WAIT_liberty=240
WLP_DIR="$DT_REPO/dev/liberty/target/wlp"
LIBERTY_USER_DIR="$DT_RUNTIME/liberty"
LIBERTY_SERVER_DIR="$LIBERTY_USER_DIR/servers/datatoken"

url_liberty() { liberty_url; }

# 200 only when every application has started and is ready (MicroProfile Health).
health_liberty() { http_ok "$(liberty_url)/health"; }

liberty_server_dir() {
    mkdir -p "$LIBERTY_SERVER_DIR/apps" "$LIBERTY_USER_DIR/shared/resources/jdbc"
    liberty_keystore_for_password "$LIBERTY_SERVER_DIR"
    cp "$DT_REPO/dev/liberty/src/main/liberty/config/server.xml" "$LIBERTY_SERVER_DIR/server.xml"
    rm -f "$LIBERTY_SERVER_DIR"/apps/*.war "$LIBERTY_USER_DIR"/shared/resources/jdbc/*.jar
    local war
    for war in "$DT_REPO"/dev/liberty/target/apps/*.war; do
        [[ "$war" == */datatoken-compute.war ]] || cp "$war" "$LIBERTY_SERVER_DIR/apps/"
    done
    cp "$DT_REPO"/dev/liberty/target/jdbc/*.jar "$LIBERTY_USER_DIR/shared/resources/jdbc/"
    # Values for server.xml variables and MicroProfile Config (docs/configuration.md).
    cat >"$LIBERTY_SERVER_DIR/server.env" <<ENV
JAVA_HOME=$JAVA_HOME
LOG_DIR=$DT_LOGS/liberty-server
HTTP_PORT=$(port 9080)
HTTPS_PORT=$(port 9443)
DB_HOST=127.0.0.1
DB_PORT=$(port 15432)
DB_NAME=datatoken
DB_USER=datatoken
DB_PASSWORD=$(secret db-password)
JWT_ISSUER=$(keycloak_url)/realms/datatoken
JWT_JWKS_URI=$(keycloak_url)/realms/datatoken/protocol/openid-connect/certs
JWT_AUDIENCE=datatoken-services
JWT_CLOCK_SKEW=${DATATOKEN_JWT_CLOCK_SKEW:-30s}
KEYSTORE_PASSWORD=$(secret keystore-password)
DATATOKEN_OIDC_ISSUER=$(keycloak_url)/realms/datatoken
DATATOKEN_PORTAL_BASE_URL=$(liberty_url)/portal
DATATOKEN_PORTAL_SERVICES_URL=$(liberty_url)
DATATOKEN_CHAIN_RPC_URL=$(url_chain)
DATATOKEN_CHAIN_ID=31337
DATATOKEN_CHAIN_DEPLOYMENT_FILE=$DT_STATE/chain/deployment.json
DATATOKEN_CHAIN_OPERATOR_KEY_FILE=$DT_STATE/secrets/operator-key
DATATOKEN_IPFS_URL=$(url_ipfs)
DATATOKEN_ASSET_URL=$(liberty_url)/asset/api
DATATOKEN_VERIFIER_URL=$(liberty_url)/verifier/api
# anvil mines a block per transaction and never reorganizes: a confirmation depth would hold the
# newest events back until more transactions come.
DATATOKEN_TRACER_CONFIRMATIONS=0
DATATOKEN_KEYCLOAK_URL=$(keycloak_url)
DATATOKEN_KEYCLOAK_CLIENT_SECRET_FILE=$DT_STATE/secrets/services-client-secret
DATATOKEN_VAULT_KEK_FILE=$DT_STATE/secrets/vault-kek
ENV
    chmod 600 "$LIBERTY_SERVER_DIR/server.env"
    printf '%s\n' -Xms128m -Xmx768m -XX:MaxMetaspaceSize=512m >"$LIBERTY_SERVER_DIR/jvm.options"
}

launch_liberty() {
    [[ -x "$WLP_DIR/bin/server" ]] || { echo "Liberty is not staged: run mvn install" >>"$DT_LOGS/liberty.log"; return 1; }
    port_in_use "$(port 9080)" && { echo "port $(port 9080) is in use by another process" >>"$DT_LOGS/liberty.log"; return 1; }
    liberty_server_dir
    # --clean: Liberty caches its class scan by jar entry times, which a reproducible build keeps constant,
    # so a rebuilt jar would otherwise be scanned as the old one
    spawn liberty env WLP_USER_DIR="$LIBERTY_USER_DIR" JAVA_HOME="$JAVA_HOME" "$WLP_DIR/bin/server" run datatoken --clean
}
