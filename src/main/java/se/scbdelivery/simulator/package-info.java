/**
 * A local stand-in for SCB's GDB M2M v2 API and its generic delivery service: real HTTP(S)
 * on a local port, SCB's paths, cookies and JSON, with programmable faults. Used by the
 * end-to-end tests and the {@code simulate} and {@code demo} commands; nothing else depends
 * on it.
 */
@NullMarked
package se.scbdelivery.simulator;

import org.jspecify.annotations.NullMarked;
