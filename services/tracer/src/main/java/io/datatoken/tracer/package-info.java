/**
 * The tracer service: indexes chain events and answers who used which asset, how, and with
 * what result.
 */
package io.datatoken.tracer;
