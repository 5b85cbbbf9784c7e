/**
 * The task market: tasks posted by data users, and the jobs submitted to them.
 */
package io.datatoken.job.market;
