/**
 * The DataToken domain: value objects, aggregates and the ports through which the platform
 * reaches outside systems. Plain JDK only, so every service and adapter can share it.
 */
package io.datatoken.domain;
