/**
 * The tracer service's REST interface and the DTOs it exchanges.
 */
package io.datatoken.tracer.api;
