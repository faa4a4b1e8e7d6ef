/**
 * A delivery as the user asks for it, channel by channel: the requests, their job
 * parameters (what makes two deliveries the same), and the values every room of
 * {@code delivery} shares. The rooms below it: {@code journal} (what SCB said),
 * {@code outcome} (how it ended, the report), {@code launch} (checks, leases, starting
 * and resuming), {@code step} (the steps both jobs share), {@code gdb} and
 * {@code generic} (each channel's job); above them {@code retention} ({@code prune}, and
 * the records it keeps of what it removed).
 */
@NullMarked
package se.scbdelivery.delivery;

import org.jspecify.annotations.NullMarked;
