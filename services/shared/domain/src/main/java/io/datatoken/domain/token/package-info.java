/**
 * Data Tokens on the ledger: assets owned by organizations, composed of child tokens, and the
 * revocable, expiring grants by which each child's owner authorizes a parent (hierarchically).
 */
package io.datatoken.domain.token;
