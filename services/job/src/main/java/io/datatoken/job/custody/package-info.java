/**
 * The job service's own chain accounts, one per organization it acts for: keys sealed at rest,
 * added on chain to the organization by the asset service (docs/decisions/0013).
 */
package io.datatoken.job.custody;
