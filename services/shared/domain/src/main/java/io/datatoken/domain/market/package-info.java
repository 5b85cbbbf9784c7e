/**
 * The task market on the ledger: tasks posted by data users, jobs (algorithm tokens) submitted to
 * them with their lifecycle and all-parties-authorized gate, and the parties' execution receipts.
 */
package io.datatoken.domain.market;
