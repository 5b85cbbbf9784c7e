# ./datatoken tenant add <organization>: writes the Kubernetes overlay of an organization's compute
# node, k8s/tenants/<organization>/, from k8s/tenant-template/ (its own namespace
# datatoken-tenant-<organization>; docs/deploy.md). Not a component of the local stack: sourced by
# ./datatoken for this command only. DATATOKEN_K8S_DIR (default: k8s/ of this checkout) is where.

cmd_tenant() {
    case "${1:-}" in
        add) shift; tenant_add "$@" ;;
        *) die "usage: ./datatoken tenant add <organization>" ;;
    esac
}

tenant_add() {
    [[ $# -eq 1 ]] || die "usage: ./datatoken tenant add <organization>"
    local org="$1" k8s="${DATATOKEN_K8S_DIR:-$DT_REPO/k8s}"
    # an organization alias (as DATATOKEN_COMPUTE_NODES), short enough for its namespace's 63 characters
    [[ "$org" =~ ^[a-z0-9]([a-z0-9-]{0,44}[a-z0-9])?$ ]] \
        || die "'$org' is not an organization alias: a-z, 0-9 and '-' (not first or last), at most 46 characters"
    [[ -d "$k8s/tenant-template" ]] || die "no tenant template in $k8s/tenant-template"
    local overlay="$k8s/tenants/$org"
    [[ ! -e "$overlay" ]] || die "tenant '$org' exists already: $overlay"
    mkdir -p "$overlay"
    local template
    for template in "$k8s"/tenant-template/*.yaml; do
        sed "s/@ORG@/$org/g" "$template" >"$overlay/$(basename "$template")"
    done
    info "wrote $overlay (namespace datatoken-tenant-$org): render it with 'kubectl kustomize $overlay';"
    info "create its secrets before applying it (docs/deploy.md, \"Add a tenant\")"
}
