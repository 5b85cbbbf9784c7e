#!/bin/sh
# kubo runs the scripts in /container-init.d before its daemon: serve the RPC API on the pod's address
# (the network policies, not the bind address, decide who reaches it).
set -e
ipfs config Addresses.API /ip4/0.0.0.0/tcp/5001
