/**
 * The node's refusals on their way to the tracer: kept in an outbox in the transaction that records
 * them, then reported in the background, signed by the node's chain account, until the tracer takes
 * each one or answers that it never will.
 */
package io.datatoken.compute.refusals;
