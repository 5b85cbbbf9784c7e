/**
 * Specification of the Keycloak realm as code: production realm, dev overlay and their merge.
 * Reads the JSON files of this module; no Keycloak needed.
 */
package io.datatoken.identity;
