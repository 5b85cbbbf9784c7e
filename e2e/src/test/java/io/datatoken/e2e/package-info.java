/**
 * Whole-platform tests: architecture rules over every module, and end-to-end checks against a
 * real local stack started by {@code ./datatoken up}.
 */
package io.datatoken.e2e;
