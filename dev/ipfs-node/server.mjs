// Offline local IPFS content store for the dev stack.
// Usage: node server.mjs --repo <dir> [--port 5001] [--host 127.0.0.1]
// Prints one line "ipfs-node ready http://<host>:<port> ..." when it serves requests.
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { createRpcServer } from './src/rpc.mjs'
import { openStore } from './src/store.mjs'

const { values } = parseArgs({
  options: {
    repo: { type: 'string' },
    port: { type: 'string', default: '5001' },
    host: { type: 'string', default: '127.0.0.1' }
  }
})
if (values.repo == null) fail('--repo <dir> is required')
const port = Number(values.port)
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0..65535, got "${values.port}"`)
const repo = resolve(values.repo)

const { version } = JSON.parse(await readFile(new URL('./package.json', import.meta.url), 'utf8'))
const store = await openStore(repo)
const server = createRpcServer(store, { version })

server.once('error', async (err) => {
  await store.close()
  fail(err.code === 'EADDRINUSE'
    ? `port ${port} on ${values.host} is already in use`
    : `cannot listen on ${values.host}:${port}: ${err.message}`)
})
server.listen(port, values.host, () => {
  const { port: actual } = server.address()
  console.log(`ipfs-node ready http://${values.host}:${actual} repo=${repo} peer=${store.identity.peerId} (offline)`)
})

// A stray rejection inside a library must not take the dev stack's content store down.
process.on('unhandledRejection', (err) => {
  console.error(`ipfs-node: unhandled rejection: ${err?.stack ?? err}`)
})

let stopping = false
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, async () => {
    if (stopping) return
    stopping = true
    server.close()
    server.closeAllConnections()
    await store.close()
    process.exit(0)
  })
}

function fail (message) {
  console.error(`ipfs-node: ${message}`)
  process.exit(1)
}
