/**
 * Verification of compositions against their children's terms, and authorizations that follow a
 * passing verification.
 */
package io.datatoken.verifier.verification;
