/**
 * Workflow ops: the op each level of a lineage applies. Ops are in no event; a composition's document
 * (on IPFS, vouched for by the proof its metadata event records) sets them. {@link
 * io.datatoken.tracer.workflow.WorkflowReader} reads the documents of newly indexed metadata events
 * outside the index's transactions and keeps each child's op with that event, so a rollback removes
 * them; {@link io.datatoken.tracer.workflow.EdgeOps} answers the op of an edge, or why it is unknown.
 */
package io.datatoken.tracer.workflow;
