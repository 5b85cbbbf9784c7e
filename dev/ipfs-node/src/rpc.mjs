// The subset of kubo's RPC API (/api/v0/...) the platform uses, with kubo's shapes:
// POST only, arguments in the query string, files as multipart, errors as
// HTTP 500 {"Message","Code":0,"Type":"error"}.
import { createServer } from 'node:http'
import { Readable } from 'node:stream'
import { publicKeyToProtobuf } from '@libp2p/crypto/keys'
import { CID } from 'multiformats/cid'

/** Largest request body accepted; the platform's documents are far smaller (≤ 256 KiB). */
const MAX_BODY_BYTES = 32 * 1024 * 1024

export function createRpcServer (store, { version }) {
  const routes = {
    '/api/v0/add': async (req, query) => {
      const file = await readFile(req)
      const cidVersion = Number(query.get('cid-version') ?? 0)
      if (cidVersion !== 0 && cidVersion !== 1) throw new Error(`unsupported cid-version ${cidVersion}`)
      const rawLeaves = flag(query.get('raw-leaves'), cidVersion === 1)
      const cid = await store.add(file.bytes, { cidVersion, rawLeaves })
      if (flag(query.get('pin'), true)) await store.pin(cid)
      return json({ Name: file.name || cid.toString(), Hash: cid.toString(), Size: String(file.bytes.length) })
    },
    '/api/v0/cat': async (req, query) => bytes(await store.cat(cidArg(query))),
    '/api/v0/block/put': async (req, query) => {
      const file = await readFile(req)
      const cid = await store.putBlock(file.bytes, {
        codec: query.get('cid-codec') ?? 'raw',
        mhtype: query.get('mhtype') ?? 'sha2-256'
      })
      if (flag(query.get('pin'), false)) await store.pin(cid)
      return json({ Key: cid.toString(), Size: file.bytes.length })
    },
    '/api/v0/block/get': async (req, query) => bytes(await store.getBlock(cidArg(query))),
    '/api/v0/block/stat': async (req, query) => {
      const cid = cidArg(query)
      const block = await store.getBlock(cid)
      return json({ Key: cid.toString(), Size: block.length })
    },
    '/api/v0/pin/add': async (req, query) => {
      const cid = cidArg(query)
      await store.pin(cid)
      return json({ Pins: [cid.toString()] })
    },
    '/api/v0/id': async () => json({
      ID: store.identity.peerId.toString(),
      PublicKey: Buffer.from(publicKeyToProtobuf(store.identity.publicKey)).toString('base64'),
      Addresses: [],
      AgentVersion: `datatoken-ipfs-node/${version} helia/${store.helia.info.version}`,
      Protocols: []
    }),
    '/api/v0/version': async () => json({
      Version: version,
      Commit: '',
      Repo: '',
      System: `${process.arch}/${process.platform}`,
      Golang: '',
      Helia: store.helia.info.version
    })
  }

  return createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost')
    const route = routes[url.pathname]
    if (route == null) return send(res, { status: 404, type: 'text/plain', body: '404 page not found\n' })
    if (req.method !== 'POST') return send(res, { status: 405, type: 'text/plain', body: '405 - Method Not Allowed\n' })
    try {
      send(res, await route(req, url.searchParams))
    } catch (err) {
      send(res, json({ Message: err?.message ?? String(err), Code: 0, Type: 'error' }, 500))
    }
  })
}

function cidArg (query) {
  const arg = query.get('arg')
  if (arg == null || arg === '') throw new Error('argument "ipfs-path" is required')
  const text = arg.replace(/^\/ipfs\//, '').split('/')[0]
  try {
    return CID.parse(text)
  } catch (err) {
    throw new Error(`invalid cid "${text}": ${err.message}`)
  }
}

/** The first file part of a multipart body (kubo accepts any field name). */
async function readFile (req) {
  const length = Number(req.headers['content-length'] ?? 0)
  if (length > MAX_BODY_BYTES) throw new Error(`request body larger than ${MAX_BODY_BYTES} bytes`)
  const type = req.headers['content-type'] ?? ''
  if (!type.startsWith('multipart/form-data')) throw new Error('file argument "data" is required (multipart/form-data)')
  const form = await new Request('http://localhost/', {
    method: 'POST',
    headers: { 'content-type': type },
    body: Readable.toWeb(req),
    duplex: 'half'
  }).formData()
  for (const [, value] of form) {
    if (typeof value !== 'string') {
      return { name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) }
    }
  }
  throw new Error('file argument "data" is required')
}

function flag (value, fallback) {
  if (value == null || value === '') return fallback
  return value === 'true' || value === '1'
}

function json (value, status = 200) {
  return { status, type: 'application/json', body: JSON.stringify(value) + '\n' }
}

function bytes (body) {
  return { status: 200, type: 'application/octet-stream', body }
}

function send (res, { status, type, body }) {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) })
  res.end(body)
}
