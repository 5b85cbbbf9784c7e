/**
 * Index: follows the contracts' events into the tracer's schema, once each, behind a number of
 * confirmations, resuming from its cursor and rolling back what a reorganization undid.
 */
package io.datatoken.tracer.index;
