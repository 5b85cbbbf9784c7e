/**
 * An organization's own register of its end users on chain (scenario S2: a device vendor's users),
 * changed by the organization's own account, never by the platform operator (decisions 0011, 0020).
 */
package io.datatoken.asset.endusers;
