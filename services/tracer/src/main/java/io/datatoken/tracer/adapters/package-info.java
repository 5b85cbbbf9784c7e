/**
 * Adapters of the outside systems the tracer reads: the chain, through the platform contracts' events.
 */
package io.datatoken.tracer.adapters;
