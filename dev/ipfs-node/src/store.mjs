// The content store: a Helia node with persistent fs block/data stores and no networking at all.
// createHeliaLight wires no libp2p, no routers and no block brokers, so a missing block can only
// be "not found locally" — nothing is ever dialled or fetched.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { unixfs } from '@helia/unixfs'
import { generateKeyPair, privateKeyFromProtobuf, privateKeyToProtobuf } from '@libp2p/crypto/keys'
import { peerIdFromPrivateKey } from '@libp2p/peer-id'
import { FsBlockstore } from 'blockstore-fs'
import { FsDatastore } from 'datastore-fs'
import { fixedSize } from 'ipfs-unixfs-importer/chunker'
import { CID } from 'multiformats/cid'
import * as raw from 'multiformats/codecs/raw'
import { sha256 } from 'multiformats/hashes/sha2'

/** Kubo's default chunk size: content up to this size becomes one block (one raw block with raw leaves). */
export const CHUNK_SIZE = 262_144

/** Every read is local only: the node has no peers, and must answer "not found" at once. */
const LOCAL = { offline: true }

export async function openStore (repo) {
  await mkdir(repo, { recursive: true })
  const helia = await createOfflineHelia({
    blockstore: new FsBlockstore(join(repo, 'blocks')),
    datastore: new FsDatastore(join(repo, 'datastore'))
  })
  await helia.start()
  const identity = await loadIdentity(join(repo, 'identity.key'))
  const fs = unixfs(helia)

  return {
    helia,
    identity,

    /** Imports a file like `ipfs add`; defaults follow kubo (CIDv0 unless asked, raw leaves with CIDv1). */
    async add (bytes, { cidVersion = 0, rawLeaves = cidVersion === 1 } = {}) {
      const cid = await fs.addBytes(bytes, {
        cidVersion,
        rawLeaves,
        reduceSingleLeafToSelf: true,
        chunker: fixedSize({ chunkSize: CHUNK_SIZE })
      })
      return cid
    },

    async cat (cid) {
      return local(cid, () => concat(fs.cat(cid, LOCAL)))
    },

    /** Stores one block as-is; only the raw codec with sha2-256 is supported (what the platform uses). */
    async putBlock (bytes, { codec = 'raw', mhtype = 'sha2-256' } = {}) {
      if (codec !== 'raw') throw new Error(`unsupported cid-codec "${codec}" (only raw)`)
      if (mhtype !== 'sha2-256') throw new Error(`unsupported mhtype "${mhtype}" (only sha2-256)`)
      const cid = CID.createV1(raw.code, await sha256.digest(bytes))
      await helia.blockstore.put(cid, bytes)
      return cid
    },

    async getBlock (cid) {
      return local(cid, () => concat(helia.blockstore.get(cid, LOCAL)))
    },

    async pin (cid) {
      try {
        await local(cid, async () => {
          // Helia's DAG walker leaks an unhandled rejection on a missing root: check it first.
          if (!(await helia.blockstore.has(cid))) throw new BlockMissing()
          for await (const _ of helia.pins.add(cid, LOCAL)) { /* walk the DAG locally */ }
        })
      } catch (err) {
        if (err?.name !== 'AlreadyPinnedError') throw err
      }
    },

    async close () {
      await helia.stop()
    }
  }
}

/**
 * What `createHeliaLight()` from 'helia' builds, without importing that entry point: it also
 * loads libp2p, bitswap and HTTP-gateway code an offline node never runs (≈ 60 MB RSS and
 * 0.6 s of start-up). The Helia class is one module of the pinned version; fall back to the
 * public entry point should a future version move it.
 */
async function createOfflineHelia (init) {
  try {
    const entry = import.meta.resolve('helia')
    const [{ Helia }, { name, version }] = await Promise.all([
      import(new URL('./helia.js', entry)),
      import(new URL('./version.js', entry))
    ])
    return new Helia({ name, version, ...init })
  } catch (err) {
    if (err?.code !== 'ERR_MODULE_NOT_FOUND') throw err
    const { createHeliaLight } = await import('helia')
    return createHeliaLight(init)
  }
}

/** A stable Ed25519 peer identity kept in the repo, so `id` answers like a real node. */
async function loadIdentity (file) {
  let key
  try {
    key = privateKeyFromProtobuf(await readFile(file))
  } catch (err) {
    if (err.code !== 'ENOENT') throw err
    key = await generateKeyPair('Ed25519')
    await writeFile(file, privateKeyToProtobuf(key), { mode: 0o600 })
  }
  return { peerId: peerIdFromPrivateKey(key), publicKey: key.publicKey }
}

class BlockMissing extends Error {}

/** Helia's offline miss reads oddly ("was present"); answer the way kubo does offline. */
async function local (cid, read) {
  try {
    return await read()
  } catch (err) {
    if (err instanceof BlockMissing || err?.name === 'BlockNotFoundWhileOfflineError' || err?.name === 'NotFoundError') {
      throw new Error(`block was not found locally (offline): ipld: could not find ${cid}`)
    }
    throw err
  }
}

async function concat (chunks) {
  const parts = []
  for await (const chunk of chunks) parts.push(chunk)
  return Buffer.concat(parts)
}
