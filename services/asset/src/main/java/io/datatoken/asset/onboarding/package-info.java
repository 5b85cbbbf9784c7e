/**
 * Onboarding of organizations by the admin: their identity (Keycloak organization and first
 * members), their chain account (key kept encrypted), and their registration on chain.
 */
package io.datatoken.asset.onboarding;
