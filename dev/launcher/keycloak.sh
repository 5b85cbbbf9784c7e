# Keycloak from its Maven Central distribution, run as a process with its data in the stack's
# PostgreSQL. The realm (identity/) is imported on first start; dev users and demo organizations
# come from the dev-only overlay identity/dev/.

DT_WAIT_keycloak=300
KEYCLOAK_VERSION="$(pom_property keycloak.version)"
KEYCLOAK_DIST="$DT_RUNTIME/keycloak-$KEYCLOAK_VERSION"

url_keycloak() { keycloak_url; }

health_keycloak() { http_ok "http://localhost:$(port 8190)/health/ready"; }

keycloak_unpack() {
    [[ -x "$KEYCLOAK_DIST/bin/kc.sh" ]] && return 0
    local staging="$DT_RUNTIME/keycloak-download"
    step "unpacking Keycloak $KEYCLOAK_VERSION (once per instance)"
    (cd "$DT_REPO" && mvn -B -q -ntp dependency:copy \
        -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" -DoutputDirectory="$staging") \
        >>"$DT_LOGS/keycloak.log" 2>&1 || return 1
    unzip -q -o "$staging/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip" -d "$DT_RUNTIME" >>"$DT_LOGS/keycloak.log" 2>&1 || return 1
    mv "$DT_RUNTIME/keycloak-$KEYCLOAK_VERSION" "$KEYCLOAK_DIST.tmp" 2>/dev/null && mv "$KEYCLOAK_DIST.tmp" "$KEYCLOAK_DIST"
    rm -rf "$staging"
}

launch_keycloak() {
    port_in_use "$(port 8180)" && { echo "port $(port 8180) is in use by another process" >>"$DT_LOGS/keycloak.log"; return 1; }
    keycloak_unpack || return 1
    mkdir -p "$KEYCLOAK_DIST/data/import"
    node "$DT_REPO/identity/scripts/merge-realm.mjs" \
        "$DT_REPO/identity/src/main/keycloak/datatoken-realm.json" "$DT_REPO/identity/dev/datatoken-dev.json" \
        >"$KEYCLOAK_DIST/data/import/datatoken-realm.json" 2>>"$DT_LOGS/keycloak.log" || return 1
    spawn keycloak env \
        KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD="$(secret keycloak-admin-password)" \
        KC_DB=postgres KC_DB_URL="jdbc:postgresql://127.0.0.1:$(port 15432)/keycloak" \
        KC_DB_USERNAME=datatoken KC_DB_PASSWORD="$(secret db-password)" \
        JAVA_HOME="$JAVA_HOME" JAVA_OPTS_KC_HEAP="-Xms64m -Xmx512m -XX:MaxMetaspaceSize=256m" \
        "$KEYCLOAK_DIST/bin/kc.sh" start-dev \
        --http-port="$(port 8180)" --http-management-port="$(port 8190)" --hostname="$(keycloak_url)" \
        --health-enabled=true --import-realm
}
