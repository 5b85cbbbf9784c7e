/**
 * ECDH private set intersection (scenario S3): the requester (company A) learns which of its items the
 * responder (bank B) also has; the responder learns nothing, or the intersection's size when the terms
 * say so. Semi-honest parties, DDH on curve25519, hash-to-curve (RFC 9380,
 * curve25519_XMD:SHA-512_ELL2_RO_) as a random oracle; see {@code docs/privacy.md}.
 *
 * <p>Messages: {@link io.datatoken.privacy.psi.PsiRequest} (A to B),
 * {@link io.datatoken.privacy.psi.PsiResponse} (B to A), {@link io.datatoken.privacy.psi.IntersectionSize}
 * (A to B, optional). No networking here: the op's driver carries the messages.
 */
package io.datatoken.privacy.psi;
