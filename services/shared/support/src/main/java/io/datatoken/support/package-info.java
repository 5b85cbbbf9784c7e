/**
 * Cross-cutting pieces every DataToken service WAR shares. Adapters and web plumbing only:
 * no business rules live here.
 */
package io.datatoken.support;
