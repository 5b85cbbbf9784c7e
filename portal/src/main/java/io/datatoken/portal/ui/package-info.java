/**
 * Vaadin views of the portal. Views read the signed-in user from the session and talk to the
 * platform services only through their APIs.
 */
package io.datatoken.portal.ui;
