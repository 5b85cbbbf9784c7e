/**
 * The job service: the task market, the job lifecycle and the orchestration of executions
 * on the parties' compute nodes.
 */
package io.datatoken.job;
