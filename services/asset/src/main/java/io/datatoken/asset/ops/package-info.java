/**
 * The trusted op registry: the admin publishes op code packages; their sha-256 goes on chain and
 * the package itself into the content store, so every compute node can fetch and check it.
 */
package io.datatoken.asset.ops;
