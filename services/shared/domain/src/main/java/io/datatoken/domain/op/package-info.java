/**
 * Trusted operations: code packages named by their sha-256, published and deprecated by the platform
 * admin on the ledger, the only code a compute node will run on an owner's data.
 */
package io.datatoken.domain.op;
