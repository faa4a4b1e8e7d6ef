/**
 * Calls to SCB over HTTPS with mutual TLS: the client certificate and trusted CAs, the
 * one shared Reactor Netty client with its timeouts and bounded answers, the retry of
 * transient faults, and the mapping of every failure to a
 * {@link se.scbdelivery.scb.http.ScbCallException}.
 */
@NullMarked
package se.scbdelivery.scb.http;

import org.jspecify.annotations.NullMarked;
