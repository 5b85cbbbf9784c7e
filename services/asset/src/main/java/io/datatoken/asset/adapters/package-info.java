/**
 * CDI wiring of the outside systems the asset service uses: each port gets its adapter here, from
 * MicroProfile Config, and nowhere else.
 */
package io.datatoken.asset.adapters;
