/**
 * REST plumbing: RFC 9457 problem details for every error, so clients get a reason they can act
 * on and never a stack trace.
 */
package io.datatoken.support.web;
