/**
 * What every ledger-backed value shares: the 32-byte identifiers and hashes the chain stores.
 * Refusals and outages of every ledger port are the organization package's LedgerRefusal / LedgerUnavailable.
 */
package io.datatoken.domain.ledger;
