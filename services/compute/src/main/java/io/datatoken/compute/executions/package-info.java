/**
 * Execution requests a party's compute node receives: checked against the chain by the node
 * itself (trusting nobody), accepted once (nonces are single-use) or refused with every reason,
 * and kept as the node's audit trail.
 */
package io.datatoken.compute.executions;
