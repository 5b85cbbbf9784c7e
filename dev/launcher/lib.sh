# Shared by ./datatoken and its component scripts: instance layout, logging, the JDK, the build
# and the start/stop protocol every component follows. Sourced, never run.
#
# A component <c> (defined in dev/launcher/<c>.sh, or generated: compute.sh defines one
# component compute-<organization> per compute node) defines:
#   url_<c>      prints where it listens        health_<c>   succeeds when it serves
#   launch_<c>   starts it in the background, recording its pid with record_pid
#   ready_<c>    (optional) one-off work once healthy, e.g. deploying contracts
#   halt_<c>     (optional) stops it when a plain SIGTERM to its process group is not right
#   DT_WAIT_<c>  seconds to wait for health before giving up ('-' in <c> written '_')

# The component scripts ./datatoken sources.
DT_SCRIPTS="postgres chain ipfs keycloak liberty compute"
# Start order, one stage after another; the components of one stage start side by side (compute.sh
# appends the stage of the compute nodes); down stops the stages backwards. DT_COMPONENTS, all of
# them in this order, is set once the scripts are sourced.
DT_STAGES=(postgres chain ipfs keycloak liberty)

DT_HOME="${DATATOKEN_HOME:-$DT_REPO/.datatoken/local}"
DT_PORT_OFFSET="${DATATOKEN_PORT_OFFSET:-0}"
DT_STATE="$DT_HOME/state"      # data that survives down/up: database, chain, content, secrets
DT_RUNTIME="$DT_HOME/runtime"  # unpacked distributions and server directories (rebuildable)
DT_RUN="$DT_HOME/run"          # pid files and stack.json of the running instance
DT_LOGS="$DT_HOME/logs"

port() { echo $(($1 + DT_PORT_OFFSET)); }

info() { printf '%s\n' "$*"; }
step() { printf '==> %s\n' "$*"; }
warn() { printf 'WARNING: %s\n' "$*" >&2; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

pom_property() {
    sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$DT_REPO/pom.xml" | head -n 1
}

java_version() {
    "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'
}

# Picks a JDK 21+ (docs/decisions/0001-jdk-21.md): DATATOKEN_JAVA_HOME, JAVA_HOME, then /usr/lib/jvm.
use_jdk() {
    local candidate version
    for candidate in "${DATATOKEN_JAVA_HOME:-}" "${JAVA_HOME:-}" /usr/lib/jvm/* /opt/java/*; do
        [[ -n "$candidate" && -x "$candidate/bin/java" ]] || continue
        version=$(java_version "$candidate")
        if [[ -n "$version" && "${version%%.*}" -ge 21 ]]; then
            export JAVA_HOME="$candidate" PATH="$candidate/bin:$PATH"
            # Maven 3.8 on JDK 24+ warns about sun.misc.Unsafe on every start; it is harmless.
            if [[ "${version%%.*}" -ge 24 ]]; then
                export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
            fi
            return 0
        fi
    done
    die "no JDK 21 or newer found: install one (e.g. apt-get install openjdk-21-jdk-headless) or set DATATOKEN_JAVA_HOME"
}

# Builds the platform unless every artefact the stack runs from is there.
ensure_built() {
    use_jdk
    local missing=()
    [[ -d "$DT_REPO/dev/liberty/target/wlp" ]] || missing+=("Liberty runtime")
    local war
    for war in asset job tracer verifier compute portal; do
        [[ -f "$DT_REPO/dev/liberty/target/apps/datatoken-$war.war" ]] || missing+=("$war WAR")
    done
    [[ -d "$DT_REPO/contracts/target/solc" ]] || missing+=("compiled contracts")
    [[ -x "$DT_REPO/contracts/node_modules/.bin/anvil" || -d "$DT_REPO/contracts/node_modules/@foundry-rs" ]] || missing+=("anvil")
    [[ -d "$DT_REPO/dev/ipfs-node/node_modules" ]] || missing+=("IPFS node packages")
    if [[ ${#missing[@]} -eq 0 ]]; then
        return 0
    fi
    [[ "${DATATOKEN_BUILD:-auto}" != "never" ]] || die "not built (${missing[*]}) and DATATOKEN_BUILD=never"
    step "building (missing: ${missing[*]}) — the first build downloads dependencies and takes a few minutes"
    (cd "$DT_REPO" && mvn -B -q -ntp install -DskipTests) || die "the build failed; run 'mvn install -DskipTests' to see why"
    if [[ ! -d "$DT_REPO/dev/ipfs-node/node_modules" ]]; then
        (cd "$DT_REPO/dev/ipfs-node" && npm ci --no-audit --no-fund --loglevel=error) || die "npm ci failed in dev/ipfs-node"
    fi
}

# Per-instance dev secrets, generated once, never committed (docs/decisions/0004).
secrets_init() {
    mkdir -p "$DT_STATE/secrets"
    chmod 700 "$DT_STATE/secrets"
    local name
    for name in db-password keycloak-admin-password keystore-password; do
        [[ -s "$DT_STATE/secrets/$name" ]] || head -c 18 /dev/urandom | base64 | tr -d '/+=' >"$DT_STATE/secrets/$name"
    done
    # Key-encryption key of the organizations' chain keys (docs/decisions/0009): 32 random bytes.
    [[ -s "$DT_STATE/secrets/vault-kek" ]] || head -c 32 /dev/urandom | base64 >"$DT_STATE/secrets/vault-kek"
    # The services client's secret is the dev realm's (identity/dev/datatoken-dev.json).
    node -e 'const r = require(process.argv[1]); process.stdout.write(r.clients.find(c => c.clientId === "datatoken-services").secret)' \
        "$DT_REPO/identity/dev/datatoken-dev.json" >"$DT_STATE/secrets/services-client-secret"
    chmod 600 "$DT_STATE"/secrets/*
}
secret() { cat "$DT_STATE/secrets/$1"; }

pid_file() { echo "$DT_RUN/$1.pid"; }

# The pid of a running component of this instance, or nothing.
component_pid() {
    local file pid
    file=$(pid_file "$1")
    [[ -f "$file" ]] || return 0
    pid=$(cat "$file")
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then echo "$pid"; fi
}

record_pid() { echo "$2" >"$(pid_file "$1")"; }

# Runs a command detached in its own session (so down can stop its whole process group),
# appending its output to the component's log, and records its pid.
spawn() {
    local component="$1"
    shift
    setsid "$@" >>"$DT_LOGS/$component.log" 2>&1 </dev/null &
    record_pid "$component" $!
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Starts one stage: launches each of its components that is not already healthy, then waits
# until every launched one is healthy (side by side: a 2-core machine starts several Liberty
# servers sooner together than one after another).
start_components() {
    local c pid launched=()
    for c in "$@"; do
        pid=$(component_pid "$c")
        if [[ -n "$pid" ]] && "health_$c" >/dev/null 2>&1; then
            step "$c already running (pid $pid) at $("url_$c")"
            continue
        fi
        if [[ -n "$pid" ]]; then
            warn "$c (pid $pid) runs but is not healthy: restarting it"
            stop_component "$c"
        fi
        rm -f "$(pid_file "$c")"
        step "starting $c at $("url_$c")"
        printf '\n=== %s: starting %s ===\n' "$(date -u +%FT%TZ)" "$c" >>"$DT_LOGS/$c.log"
        DT_LAUNCHED_AT[$c]=$SECONDS
        if ! "launch_$c"; then
            fail_start "$c" "it could not be launched"
            return 1
        fi
        launched+=("$c")
    done
    await_components "${launched[@]}"
}

declare -A DT_LAUNCHED_AT=()

wait_limit() { local var="DT_WAIT_${1//-/_}"; echo "${!var}"; }

# Waits until each launched component is healthy, then runs its set-up step.
await_components() {
    local waiting=("$@") still c pid started=$SECONDS
    while ((${#waiting[@]} > 0)); do
        still=()
        for c in "${waiting[@]}"; do
            if "health_$c" >/dev/null 2>&1; then
                end_progress
                printf '    %s healthy after %d s\n' "$c" $((SECONDS - DT_LAUNCHED_AT[$c]))
                if declare -F "ready_$c" >/dev/null; then
                    "ready_$c" || { fail_start "$c" "its set-up step failed"; return 1; }
                fi
                continue
            fi
            pid=$(component_pid "$c")
            if [[ -z "$pid" ]]; then
                fail_start "$c" "the process exited"
                return 1
            fi
            if ((SECONDS - DT_LAUNCHED_AT[$c] > $(wait_limit "$c"))); then
                fail_start "$c" "not healthy after $(wait_limit "$c") s"
                return 1
            fi
            still+=("$c")
        done
        waiting=("${still[@]}")
        if ((${#waiting[@]} > 0)); then
            progress "${waiting[*]}" $((SECONDS - started))
            sleep 1
        fi
    done
}

# Progress on one updating line on a terminal, a line every 15 s in a log.
progress() {
    if [[ -t 1 ]]; then
        printf '\r\033[K    waiting for %s ... %d s' "$1" "$2"
    elif (($2 > 0 && $2 % 15 == 0)); then
        printf '    waiting for %s ... %d s\n' "$1" "$2"
    fi
}
end_progress() { if [[ -t 1 ]]; then printf '\r\033[K'; fi; }

fail_start() {
    end_progress
    printf 'ERROR: %s failed to start: %s. Log: %s\n' "$1" "$2" "$DT_LOGS/$1.log" >&2
    tail -n 15 "$DT_LOGS/$1.log" 2>/dev/null | sed 's/^/    | /' >&2
}

stop_component() { stop_components "$1"; }

# Stops components side by side: a SIGTERM to each one's process group (or its halt_<c>), then
# waits up to 30 s for each before killing it.
stop_components() {
    local c pid signalled=()
    for c in "$@"; do
        pid=$(component_pid "$c")
        if declare -F "halt_$c" >/dev/null; then
            "halt_$c"
            rm -f "$(pid_file "$c")"
        elif [[ -n "$pid" ]]; then
            step "stopping $c (pid $pid)"
            kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
            signalled+=("$c|$pid")
        else
            rm -f "$(pid_file "$c")"
        fi
    done
    local entry started=$SECONDS
    for entry in "${signalled[@]}"; do
        c=${entry%|*}
        pid=${entry#*|}
        while kill -0 "$pid" 2>/dev/null && ((SECONDS - started < 30)); do
            sleep 1
        done
        if kill -0 "$pid" 2>/dev/null; then
            warn "$c did not stop within 30 s: killing it"
            kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
        fi
        rm -f "$(pid_file "$c")"
    done
}

http_ok() { curl -fsS -o /dev/null --max-time 3 "$@"; }

# Liberty makes its dev keystore (and LTPA keys) on start when missing, with KEYSTORE_PASSWORD. One
# made before the password changed ('up --fresh') would not open and mpJwt would stay inactive, so
# it goes then; otherwise it stays, as making one costs seconds of CPU at every start.
liberty_keystore_for_password() {
    local security="$1/resources/security"
    if [[ ! "$security/key.p12" -nt "$DT_STATE/secrets/keystore-password" ]]; then
        rm -rf "$security"
    fi
}

liberty_url() { echo "http://localhost:$(port 9080)"; }
keycloak_url() { echo "http://localhost:$(port 8180)"; }
portal_url() { echo "$(liberty_url)/portal/"; }

print_demo_logins() {
    cat <<LOGINS
    user     organization  roles
    admin    —             admin (onboards organizations, registers ops)
    alice    bank-a        data-provider, compute-provider
    bob      bank-b        data-provider, compute-provider
    carol    fintech-c     algorithm-provider, data-user
    victor   vendor-a      data-provider, compute-provider, algorithm-provider, data-user
    mia      medco-b       algorithm-provider, data-user
    rita     regulator     regulator
    u1 u2 u3 vendor-a      end-user (vendor-a's end users, each with a device node; scenario S2)
LOGINS
}

# What tests and tools read to find the running instance.
write_stack_json() {
    cat >"$DT_RUN/stack.json" <<JSON
{
  "instance": "$DT_HOME",
  "portal": "$(portal_url)",
  "services": "$(liberty_url)",
  "keycloak": "$(keycloak_url)",
  "realm": "datatoken",
  "issuer": "$(keycloak_url)/realms/datatoken",
  "chainRpc": "$(url_chain)",
  "ipfsRpc": "$(url_ipfs)",
  "postgres": "$(url_postgres)",
  "deployment": "$DT_STATE/chain/deployment.json",
  "computeNodes": $(compute_json_map compute_api_url),
  "computeDatasets": $(compute_json_map compute_datasets_dir),
  "deviceNodes": $(compute_json_map compute_api_url --devices),
  "deviceDatasets": $(compute_json_map compute_datasets_dir --devices)
}
JSON
}
