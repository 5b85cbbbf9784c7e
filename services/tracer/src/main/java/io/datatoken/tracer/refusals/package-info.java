/**
 * Refusals the compute nodes report: an execution request or a transfer a node refused, signed by
 * the node's chain account and kept once, only from an account of the refused DT's owner (or, for an
 * end user's own DT, from that user's account: their device node). Reported
 * off chain, so kept apart from the index (a rebuild of the index neither replays nor drops them).
 */
package io.datatoken.tracer.refusals;
