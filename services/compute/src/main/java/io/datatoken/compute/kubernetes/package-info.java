/**
 * Op executions as Kubernetes Jobs ({@code datatoken.compute.executor=kubernetes}, decision 0019): the
 * node keeps fetching and verifying each op's code itself ({@code runs.OpCode}), hands the verified
 * package and the input to a Job through its own work volume, and the Job's init container checks the
 * package's sha-256 against the registered op hash again before the op runs with no network, no
 * service account token and bounded resources and time.
 */
package io.datatoken.compute.kubernetes;
