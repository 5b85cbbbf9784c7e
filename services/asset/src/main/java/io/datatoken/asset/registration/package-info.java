/**
 * Asset registration and reading: a DDO validated, stored content-addressed and registered on
 * chain by its owner's account, then listed in the catalog; every read verified against the chain.
 */
package io.datatoken.asset.registration;
