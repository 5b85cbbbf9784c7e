/**
 * Secure aggregation in the style of Bonawitz et al. 2017 ("Practical Secure Aggregation for
 * Privacy-Preserving Machine Learning", semi-honest server, dropouts tolerated): every client adds
 * pairwise masks that cancel in the sum and a self mask; mask seeds are Shamir-shared so that the
 * server can finish the sum when up to {@code n - t} clients drop out. Rounds are messages between
 * {@link io.datatoken.privacy.secagg.SecAggClient} and {@link io.datatoken.privacy.secagg.SecAggServer};
 * there is no networking here. Primitives from Bouncy Castle: X25519, HKDF-SHA256, ChaCha20 (mask PRG),
 * ChaCha20-Poly1305 (shares in transit), Shamir over GF(2^8).
 */
package io.datatoken.privacy.secagg;
