/**
 * The stand-in's GDB M2M v2 API: heartbeat sessions, fragment uploads and their
 * completion, and the history with its statuses.
 */
@NullMarked
package se.scbdelivery.simulator.gdb;

import org.jspecify.annotations.NullMarked;
