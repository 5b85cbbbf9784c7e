// Starts the real server as a child process (like the dev stack does) and speaks kubo RPC to it.
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { CID } from 'multiformats/cid'
import * as raw from 'multiformats/codecs/raw'
import { sha256 } from 'multiformats/hashes/sha2'

const SERVER = new URL('../server.mjs', import.meta.url).pathname

/** Starts the server on --port 0 and reads the actual port from its ready line. */
async function startNode (repo, port = 0) {
  const child = spawn(process.execPath, [SERVER, '--repo', repo, '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stderr.on('data', (d) => { output += d })
  const url = await new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      output += d
      const match = /ipfs-node ready (http:\/\/\S+)/.exec(output)
      if (match) resolve(match[1])
    })
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)))
  })
  return {
    url,
    child,
    async stop () {
      if (child.exitCode !== null) return child.exitCode
      const exited = once(child, 'exit')
      child.kill('SIGTERM')
      const [code] = await exited
      return code
    }
  }
}

function rpc (base, path, query = {}, file) {
  const url = new URL(`/api/v0/${path}`, base)
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v)
  let body
  if (file != null) {
    body = new FormData()
    body.append('file', new Blob([file]), 'file')
  }
  return fetch(url, { method: 'POST', body, signal: AbortSignal.timeout(5_000) })
}

async function rawCid (bytes) {
  return CID.createV1(raw.code, await sha256.digest(bytes)).toString()
}

function randomBytes (size) {
  const bytes = new Uint8Array(size)
  for (let i = 0; i < size; i += 65_536) crypto.getRandomValues(bytes.subarray(i, Math.min(size, i + 65_536)))
  return bytes
}

describe('ipfs-node kubo RPC', () => {
  let repo
  let node

  before(async () => {
    repo = await mkdtemp(join(tmpdir(), 'ipfs-node-test-'))
    node = await startNode(repo)
  })

  after(async () => {
    await node?.stop()
    await rm(repo, { recursive: true, force: true })
  })

  test('add with cid-version=1 raw-leaves=true stores one raw block (bafkrei…) and cat returns it', async () => {
    const content = new TextEncoder().encode('hello world')
    const res = await rpc(node.url, 'add', { 'cid-version': 1, 'raw-leaves': true }, content)
    assert.equal(res.status, 200)
    const body = await res.json()
    assert.deepEqual(body, { Name: 'file', Hash: 'bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e', Size: '11' })
    assert.equal(body.Hash, await rawCid(content))

    const cat = await rpc(node.url, 'cat', { arg: body.Hash })
    assert.equal(cat.status, 200)
    assert.deepEqual(new Uint8Array(await cat.arrayBuffer()), content)
  })

  test('content of exactly 256 KiB is still a single raw block; one byte more is not', async () => {
    const limit = randomBytes(262_144)
    const single = await (await rpc(node.url, 'add', { 'cid-version': 1, 'raw-leaves': true }, limit)).json()
    assert.equal(single.Hash, await rawCid(limit))
    assert.match(single.Hash, /^bafkrei[a-z2-7]{52}$/)

    const bigger = randomBytes(262_145)
    const dag = await (await rpc(node.url, 'add', { 'cid-version': 1, 'raw-leaves': true }, bigger)).json()
    assert.match(dag.Hash, /^bafybei/)
    const cat = await rpc(node.url, 'cat', { arg: dag.Hash })
    assert.deepEqual(new Uint8Array(await cat.arrayBuffer()), bigger)
  })

  test('add without options follows kubo defaults (CIDv0)', async () => {
    const body = await (await rpc(node.url, 'add', {}, new TextEncoder().encode('hello world'))).json()
    assert.equal(body.Hash, 'Qmf412jQZiuVUtdgnB36FXFX7xg5V6KEbSJ4dpQuhkLyfD')
  })

  test('block put / get / stat round trip', async () => {
    const content = randomBytes(1000)
    const put = await rpc(node.url, 'block/put', { 'cid-codec': 'raw', mhtype: 'sha2-256' }, content)
    assert.equal(put.status, 200)
    const { Key, Size } = await put.json()
    assert.equal(Key, await rawCid(content))
    assert.equal(Size, 1000)

    const get = await rpc(node.url, 'block/get', { arg: Key })
    assert.deepEqual(new Uint8Array(await get.arrayBuffer()), content)
    const stat = await (await rpc(node.url, 'block/stat', { arg: Key })).json()
    assert.deepEqual(stat, { Key, Size: 1000 })
    const pin = await (await rpc(node.url, 'pin/add', { arg: Key })).json()
    assert.deepEqual(pin, { Pins: [Key] })
  })

  test('an empty block is a valid raw block', async () => {
    const { Key, Size } = await (await rpc(node.url, 'block/put', { 'cid-codec': 'raw' }, new Uint8Array(0))).json()
    assert.equal(Key, 'bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku')
    assert.equal(Size, 0)
    const get = await rpc(node.url, 'block/get', { arg: Key })
    assert.equal((await get.arrayBuffer()).byteLength, 0)
  })

  test('block/put refuses codecs other than raw', async () => {
    const res = await rpc(node.url, 'block/put', { 'cid-codec': 'dag-cbor' }, randomBytes(10))
    assert.equal(res.status, 500)
    assert.match((await res.json()).Message, /unsupported cid-codec/)
  })

  for (const path of ['cat', 'block/get', 'block/stat', 'pin/add']) {
    test(`${path} of an unknown CID answers a kubo error at once`, async () => {
      const UNKNOWN = await rawCid(new TextEncoder().encode(`never stored ${path}`))
      const started = Date.now()
      const res = await rpc(node.url, path, { arg: UNKNOWN })
      assert.equal(res.status, 500)
      const body = await res.json()
      assert.equal(body.Type, 'error')
      assert.equal(body.Code, 0)
      assert.match(body.Message, new RegExp(`not found.*${UNKNOWN}`))
      assert.ok(Date.now() - started < 2_000, 'answered within 2 s')
    })
  }

  test('a malformed CID is a kubo error', async () => {
    const res = await rpc(node.url, 'cat', { arg: 'not-a-cid' })
    assert.equal(res.status, 500)
    assert.match((await res.json()).Message, /invalid cid/)
  })

  test('id and version describe the node', async () => {
    const id = await (await rpc(node.url, 'id')).json()
    assert.match(id.ID, /^12D3KooW/)
    assert.deepEqual(id.Addresses, [])
    const version = await (await rpc(node.url, 'version')).json()
    assert.equal(version.Version, '0.1.0')
  })

  test('only POST is accepted, like kubo', async () => {
    const res = await fetch(new URL('/api/v0/version', node.url))
    assert.equal(res.status, 405)
  })

  test('a taken port makes the server exit non-zero with a clear message', async () => {
    const port = new URL(node.url).port
    const child = spawn(process.execPath, [SERVER, '--repo', join(repo, 'second'), '--port', port], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (d) => { stderr += d })
    try {
      const [code] = await once(child, 'exit')
      assert.equal(code, 1)
      assert.match(stderr, new RegExp(`port ${port} .*already in use`))
    } finally {
      child.kill('SIGKILL')
    }
  })
})

describe('ipfs-node repository', () => {
  test('content survives a restart, identity stays, SIGTERM exits 0', async () => {
    const repo = await mkdtemp(join(tmpdir(), 'ipfs-node-test-'))
    try {
      const content = randomBytes(5000)
      const first = await startNode(repo)
      const { Hash } = await (await rpc(first.url, 'add', { 'cid-version': 1, 'raw-leaves': true }, content)).json()
      const { ID } = await (await rpc(first.url, 'id')).json()
      assert.equal(await first.stop(), 0)

      const second = await startNode(repo)
      try {
        const cat = await rpc(second.url, 'cat', { arg: Hash })
        assert.deepEqual(new Uint8Array(await cat.arrayBuffer()), content)
        assert.equal((await (await rpc(second.url, 'id')).json()).ID, ID)
      } finally {
        assert.equal(await second.stop(), 0)
      }
    } finally {
      await rm(repo, { recursive: true, force: true })
    }
  })
})
