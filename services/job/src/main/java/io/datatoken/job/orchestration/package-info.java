/**
 * The orchestration of a started job: finding its parties (every asset and the op its composition's
 * workflow sets for it), asking each party's compute node to run its op, and ending the job on chain
 * once every party's receipt is there, or as failed when a party cannot or will not run. Data flows
 * between the compute nodes, never through this service.
 */
package io.datatoken.job.orchestration;
