/**
 * Adapters of the {@link io.datatoken.domain.content.ContentStore} port: IPFS through the kubo RPC
 * API (the node is untrusted, every CID is checked locally) and an in-memory fake for unit tests.
 */
package io.datatoken.content;
