/**
 * Usage: every recorded use of a Data Token, indexed from chain events.
 */
package io.datatoken.tracer.usage;
