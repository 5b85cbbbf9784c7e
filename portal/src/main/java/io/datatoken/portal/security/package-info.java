/**
 * Sign-in of portal users against Keycloak: authorization code flow with PKCE, the portal acting as
 * backend-for-frontend (tokens live in the HTTP session, never in the browser).
 */
package io.datatoken.portal.security;
