#!/usr/bin/env bash
# Runs this module's portal WAR alone, in a Liberty server of its own on another port, against a
# running stack's services and Keycloak, to try portal changes without touching the stack's
# Liberty. Uses the Liberty runtime dev/liberty stages (mvn -pl dev/liberty package) and
# target/portal.war (mvn -pl portal package); its server directory is target/liberty-alone.
#
#   portal/serve-alone.sh start [port]   # default port 9180: a redirect URI of the dev realm's portal client
#   portal/serve-alone.sh stop
#
# Environment: DATATOKEN_PORTAL_SERVICES_URL (default http://localhost:9080) and
# DATATOKEN_OIDC_ISSUER (default http://localhost:8180/realms/datatoken), i.e. the default stack.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
wlp="$here/../dev/liberty/target/wlp"
usr="$here/target/liberty-alone"
server="$usr/servers/portal"

[[ -x "$wlp/bin/server" ]] || { echo "no Liberty runtime at $wlp: run 'mvn -pl dev/liberty package'" >&2; exit 1; }
if [[ -z "${JAVA_HOME:-}" ]]; then
    JAVA_HOME="$(ls -d /usr/lib/jvm/temurin-2[1-9]* /usr/lib/jvm/*-2[1-9]* 2>/dev/null | head -n 1)"
fi
export JAVA_HOME WLP_USER_DIR="$usr"

case "${1:-}" in
start)
    port="${2:-9180}"
    [[ -f "$here/target/portal.war" ]] || { echo "no $here/target/portal.war: run 'mvn -pl portal package'" >&2; exit 1; }
    mkdir -p "$server/apps"
    cp "$here/src/main/liberty/config/server.xml" "$server/server.xml"
    cp "$here/target/portal.war" "$server/apps/portal.war"
    cat >"$server/server.env" <<ENV
HTTP_PORT=$port
HTTP_HOST=127.0.0.1
DATATOKEN_PORTAL_BASE_URL=http://localhost:$port/portal
DATATOKEN_PORTAL_SERVICES_URL=${DATATOKEN_PORTAL_SERVICES_URL:-http://localhost:9080}
DATATOKEN_OIDC_ISSUER=${DATATOKEN_OIDC_ISSUER:-http://localhost:8180/realms/datatoken}
ENV
    printf '%s\n' -Xmx384m >"$server/jvm.options"
    "$wlp/bin/server" start portal
    for _ in $(seq 1 120); do
        # The logout path is open and redirects to Keycloak once the application has started.
        if [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$port/portal/oidc/logout")" == 302 ]]; then
            echo "portal: http://localhost:$port/portal/ (log: $usr/servers/portal/logs/messages.log)"
            exit 0
        fi
        sleep 1
    done
    echo "the portal did not answer on port $port; see $usr/servers/portal/logs/messages.log" >&2
    exit 1
    ;;
stop)
    "$wlp/bin/server" stop portal
    ;;
*)
    echo "usage: $0 start [port] | stop" >&2
    exit 2
    ;;
esac
