/**
 * Organizations (institutions), their platform roles and their chain accounts.
 */
package io.datatoken.domain.organization;
