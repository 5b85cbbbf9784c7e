/**
 * Who is calling: the platform identity (subject, organization, roles) read from the
 * MicroProfile JWT that Liberty has already verified (issuer, signature, audience, expiry).
 */
package io.datatoken.support.security;
