/**
 * Adapters of the outside systems the verifier reads: the chain, the content store, and the asset
 * service (which grants on the owners' behalf).
 */
package io.datatoken.verifier.adapters;
