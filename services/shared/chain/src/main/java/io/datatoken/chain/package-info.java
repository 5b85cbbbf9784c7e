/**
 * Chain adapters: implement the domain's ledger ports on EVM contracts with web3j. The generated
 * wrappers (io.datatoken.contracts.generated) never leave this package; callers see domain types.
 */
package io.datatoken.chain;
