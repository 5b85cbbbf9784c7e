/**
 * DDO documents as bytes: the published JSON Schema ({@code io/datatoken/metadata/ddo.schema.json}, served by the
 * asset service), validation before anything else, RFC 8785 canonical form, the proof over it, and verification on read.
 */
package io.datatoken.metadata;
