/**
 * The asset service's REST interface and the DTOs it exchanges.
 */
package io.datatoken.asset.api;
