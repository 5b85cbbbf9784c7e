/**
 * The audit views from the index: the events that concern an organization (its accounts acted, its
 * assets, jobs or tasks were named, or it was), or across every organization for a regulator, newest
 * first, filtered and paged.
 */
package io.datatoken.tracer.audit;
