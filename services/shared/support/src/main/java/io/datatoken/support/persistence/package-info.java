/**
 * The service's own schema: migrated with Flyway when the application starts, before any request
 * is served, and reported through the health checks.
 */
package io.datatoken.support.persistence;
