/**
 * Trusted ops on a compute node: a code package checked against its hash on chain, unpacked, and
 * run as a separate process without a shell, with time, memory and file limits.
 */
package io.datatoken.compute.ops;
