/**
 * SCB's generic delivery service ("inlämningstjänst"): the
 * {@link se.scbdelivery.scb.generic.GenericDeliveryClient} contract, its records, and its
 * Reactor Netty implementation.
 */
@NullMarked
package se.scbdelivery.scb.generic;

import org.jspecify.annotations.NullMarked;
