/**
 * MicroProfile Health checks behind the Kubernetes probes: started once the schema is migrated,
 * ready while the database answers, live while the application runs.
 */
package io.datatoken.support.health;
