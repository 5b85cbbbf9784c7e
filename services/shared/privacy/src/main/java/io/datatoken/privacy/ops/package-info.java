/**
 * The privacy ops' entry points for the compute node's sandbox: each a {@code main} speaking the op
 * protocol (one JSON object on stdin, one on stdout, a one-line reason on stderr and exit 1 when
 * refused), run from a JAR op package (decision 0017) that this module's build writes per op. Joint
 * statistics ({@code stats-share}, {@code stats-sum}, {@code stats-result}), ECDH-PSI ({@code
 * psi-request}, {@code psi-respond}), Paillier outsourcing ({@code paillier-keyholder}, {@code
 * paillier-encrypt}, {@code paillier-sum}) and federated averaging with secure aggregation ({@code
 * edge-train}, {@code fed-avg}). A party that takes several steps gets a {@code state} back between
 * them, for its own node only (decision 0018). The JSON of every step: {@code docs/privacy.md}, "Op
 * entry points".
 */
package io.datatoken.privacy.ops;
