/**
 * The generic service's delivery job: its configuration and steps — the first call, the
 * POST that is never sent twice for a saved ticket, and the following of the ticket to
 * SCB's validation result.
 */
@NullMarked
package se.scbdelivery.delivery.generic;

import org.jspecify.annotations.NullMarked;
