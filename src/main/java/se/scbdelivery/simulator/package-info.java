/**
 * A local stand-in for SCB's GDB M2M v2 API and its generic delivery service: real
 * HTTP(S) on a local port, SCB's paths, cookies and JSON, with programmable faults. Used
 * by the end-to-end tests and the {@code simulate} and {@code demo} commands; nothing
 * else depends on it. This package is its public face,
 * {@link se.scbdelivery.simulator.ScbStandIn} and its
 * {@link se.scbdelivery.simulator.StandInOptions}; each API lives in its own room
 * ({@code gdb}, {@code generic}) and what they share in {@code server}.
 */
@NullMarked
package se.scbdelivery.simulator;

import org.jspecify.annotations.NullMarked;
