/**
 * The GDB (VINN and KRITA) delivery job: its configuration and steps — the heartbeat that
 * opens a session, the fragment reader and writer with their restart point, the check of
 * the bytes sent, and the polling of {@code history/} — in the order a file goes through
 * them.
 */
@NullMarked
package se.scbdelivery.delivery.gdb;

import org.jspecify.annotations.NullMarked;
