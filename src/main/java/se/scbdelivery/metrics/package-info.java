/**
 * Delivery metrics: finished deliveries counted and timed by outcome and channel, next to
 * Spring Batch's own job and step metrics; SCB's calls and retries by endpoint and
 * result, and whether SCB was reached; the meters kept off the push. All pushed to a
 * Prometheus Pushgateway when configured. The scan's own series are in
 * {@code se.scbdelivery.scan}.
 */
@NullMarked
package se.scbdelivery.metrics;

import org.jspecify.annotations.NullMarked;
