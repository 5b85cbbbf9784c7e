/**
 * Authorizations: a child's owner grants (or revokes) a parent's use of the child on chain, signed
 * by the owner's account, and the platform keeps the record.
 */
package io.datatoken.asset.grants;
