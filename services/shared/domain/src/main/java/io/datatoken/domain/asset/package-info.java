/**
 * The DDO: the off-chain, content-addressed description of a Data Token (kind, services, workflow, terms)
 * with the invariants every document must keep, and the {@link io.datatoken.domain.asset.Proof} the chain records for it.
 */
package io.datatoken.domain.asset;
