/**
 * Additively homomorphic outsourcing with Paillier's cryptosystem: data owners encrypt their values
 * under the key holder's public key and send the ciphertexts to a compute node, which adds them
 * without being able to read them; only the key holder decrypts, and only the aggregate (sum and
 * count, hence the mean). Paillier's three formulas (encrypt, decrypt, add) are written over
 * {@link java.math.BigInteger} as in the textbook (decision 0017: no maintained Java Paillier
 * library is published); the primes come from Bouncy Castle's RSA key generator and every random
 * value from {@link java.security.SecureRandom}. The parties exchange the records of this package;
 * there is no networking here. {@code docs/privacy.md} states what each party learns.
 */
package io.datatoken.privacy.paillier;
