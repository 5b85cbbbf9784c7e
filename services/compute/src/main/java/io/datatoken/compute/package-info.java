/**
 * The compute service: a data owner's on-premise node, which binds local datasets to Data
 * Tokens and runs verified ops on them.
 */
package io.datatoken.compute;
