/**
 * Clients of the platform's services, on their HTTP APIs only, with the signed-in user's token:
 * {@link io.datatoken.portal.services.ServicesClient} (transport, token refresh, problem reports as
 * {@link io.datatoken.portal.services.BackendProblem}) and one small client per service that names
 * its endpoints and binds its JSON to records of this package.
 */
package io.datatoken.portal.services;
