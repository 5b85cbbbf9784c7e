/**
 * Verification of a composition against its children's terms: a pass, or a why-denied report
 * naming the child, the rule and the offending value.
 */
package io.datatoken.domain.verification;
