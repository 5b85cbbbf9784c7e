/**
 * Adapters of the outside systems the job service uses: the chain, the vault's key-encryption key,
 * and the asset service (which adds the service's accounts to organizations on chain).
 */
package io.datatoken.job.adapters;
