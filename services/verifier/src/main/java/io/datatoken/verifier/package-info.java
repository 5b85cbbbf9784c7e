/**
 * The verifier service: checks composed assets against their children's terms and explains
 * every denial.
 */
package io.datatoken.verifier;
