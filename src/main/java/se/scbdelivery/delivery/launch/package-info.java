/**
 * Starting and resuming deliveries: the checks before anything exists, the launcher, the
 * leases shared by every process on one job repository, the executions running in this
 * process (and their graceful stop), and the recovery of executions whose process is
 * gone.
 */
@NullMarked
package se.scbdelivery.delivery.launch;

import org.jspecify.annotations.NullMarked;
