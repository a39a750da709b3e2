/** Jobs 定时任务: scheduled jobs of every module, each also runnable on demand as of a given instant. */
package org.hcp.jobs;
