/**
 * Lineage and usage of Data Tokens, read from the index's projections with recursive queries bounded
 * in depth: what a DT is made of, what is made of it and which jobs ran it, and the receipts and
 * grant changes that name it.
 */
package io.datatoken.tracer.lineage;
