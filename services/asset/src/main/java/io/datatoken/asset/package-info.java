/**
 * The asset service: registers data, compute and algorithm assets as Data Tokens and keeps
 * the searchable catalog of them.
 */
package io.datatoken.asset;
