/**
 * The stand-in's generic delivery service: streamed JSON submissions with base64 content,
 * tickets, their status and simulated validation result.
 */
@NullMarked
package se.scbdelivery.simulator.generic;

import org.jspecify.annotations.NullMarked;
