/**
 * Adapters of the outside systems the job service uses: the chain, the content store, the vault's
 * key-encryption key, the asset service (which adds the service's accounts to organizations on
 * chain) and the parties' compute nodes (which take execution requests).
 */
package io.datatoken.job.adapters;
