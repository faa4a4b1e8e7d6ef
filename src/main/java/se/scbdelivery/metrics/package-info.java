/**
 * Delivery metrics: finished deliveries counted and timed by outcome and channel, next to
 * Spring Batch's own job and step metrics, pushed to a Prometheus Pushgateway when
 * configured.
 */
@NullMarked
package se.scbdelivery.metrics;

import org.jspecify.annotations.NullMarked;
