/**
 * The compute service's REST interface and the DTOs it exchanges.
 */
package io.datatoken.compute.api;
