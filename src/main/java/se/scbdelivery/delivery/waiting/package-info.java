/**
 * Deliveries waiting for SCB's verdict. A file whose DeliveryId or ticket is recorded
 * does not keep a delivery slot while SCB processes it: its execution ends STOPPED at the
 * poll step, and one follower thread polls every waiting delivery of the process at its
 * own paced interval, within one rate for them all, until SCB's answer is final; then the
 * execution is restarted to report it.
 */
@NullMarked
package se.scbdelivery.delivery.waiting;

import org.jspecify.annotations.NullMarked;
