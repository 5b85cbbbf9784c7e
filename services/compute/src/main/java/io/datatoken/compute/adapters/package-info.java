/** Adapters of what the compute node reads: the chain, the content store. */
package io.datatoken.compute.adapters;
