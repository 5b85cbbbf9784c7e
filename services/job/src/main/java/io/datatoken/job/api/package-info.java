/**
 * The job service's REST interface and the DTOs it exchanges.
 */
package io.datatoken.job.api;
