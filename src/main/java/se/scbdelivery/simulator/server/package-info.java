/**
 * The stand-in's HTTP parts that both APIs share: routing by base path, answering with
 * faults applied (gates, delays, scripted answers, drops), TLS, and received files.
 */
@NullMarked
package se.scbdelivery.simulator.server;

import org.jspecify.annotations.NullMarked;
