# The EVM dev chain: anvil (npm @foundry-rs/anvil-linux-amd64), its state kept in a file so the
# chain survives down/up, and the platform's contracts deployed once (docs/decisions/0002).

DT_WAIT_chain=30
CHAIN_DIR="$DT_STATE/chain"
# Must equal the evmVersion contracts/scripts/compile.mjs compiles for.
CHAIN_HARDFORK=cancun

anvil_bin() {
    local bin
    for bin in "$DT_REPO/contracts/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil" \
               "$DT_REPO/contracts/node_modules/.bin/anvil"; do
        [[ -x "$bin" ]] && { echo "$bin"; return 0; }
    done
    return 1
}

url_chain() { echo "http://127.0.0.1:$(port 8545)"; }

health_chain() {
    curl -fsS --max-time 3 -H 'content-type: application/json' \
        -d '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}' "$(url_chain)" | grep -q '"result"'
}

launch_chain() {
    local bin
    bin=$(anvil_bin) || { echo "anvil is not installed: run 'npm ci' in contracts/ (or mvn install)" >>"$DT_LOGS/chain.log"; return 1; }
    port_in_use "$(port 8545)" && { echo "port $(port 8545) is in use by another process" >>"$DT_LOGS/chain.log"; return 1; }
    mkdir -p "$CHAIN_DIR"
    # Free gas (base fee and suggested price 0), as on a permissioned QBFT network: organizations'
    # accounts are created empty and never need funding (docs/decisions/0010).
    spawn chain "$bin" --host 127.0.0.1 --port "$(port 8545)" --chain-id 31337 --hardfork "$CHAIN_HARDFORK" \
        --base-fee 0 --disable-min-priority-fee \
        --state "$CHAIN_DIR/anvil-state.json" --state-interval 2 --silent
}

# anvil's first dev account: it deploys the contracts, so it is the platform operator (admin) of
# the dev chain. Its key is public knowledge (anvil's "test … junk" mnemonic): dev chain only.
ANVIL_OPERATOR_KEY=0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80

ready_chain() {
    printf '%s\n' "$ANVIL_OPERATOR_KEY" >"$DT_STATE/secrets/operator-key"
    chmod 600 "$DT_STATE/secrets/operator-key"
    node "$DT_REPO/contracts/scripts/deploy.mjs" --rpc "$(url_chain)" --out "$CHAIN_DIR/deployment.json" \
        >>"$DT_LOGS/chain.log" 2>&1
}
