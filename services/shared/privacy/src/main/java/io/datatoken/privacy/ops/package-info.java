/**
 * The privacy ops' entry points for the compute node's sandbox: each a {@code main} speaking the op
 * protocol (one JSON object on stdin, one on stdout, a one-line reason on stderr and exit 1 when
 * refused), run from a JAR op package (decision 0017). Joint statistics first: {@code stats-share}
 * next to each party's data, {@code stats-sum} on each compute node, {@code stats-result} at the
 * recipient's node.
 */
package io.datatoken.privacy.ops;
