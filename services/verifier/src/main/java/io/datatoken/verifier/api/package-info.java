/**
 * The verifier service's REST interface and the DTOs it exchanges.
 */
package io.datatoken.verifier.api;
