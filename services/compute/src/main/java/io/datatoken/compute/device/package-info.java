/**
 * A device node's own business (scenario S2, decision 0021): its end user registers their data as
 * a Data Token of their own and consents to, or withdraws, its use in a composition, each signed
 * with the user's key, which only this node holds. The node checks a composition against the
 * user's terms itself, trusting only the chain and the content store.
 */
package io.datatoken.compute.device;
