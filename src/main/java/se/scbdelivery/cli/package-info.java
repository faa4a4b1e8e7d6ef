/**
 * The command line: one class per command, the exit codes, and the one place where a
 * failure becomes a one-line message. Only this package starts the stand-in.
 */
@NullMarked
package se.scbdelivery.cli;

import org.jspecify.annotations.NullMarked;
