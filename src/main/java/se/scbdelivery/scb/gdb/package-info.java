/**
 * SCB's GDB M2M v2 API (VINN and KRITA): the {@link se.scbdelivery.scb.gdb.GdbClient}
 * contract, its records, and its Reactor Netty implementation.
 */
@NullMarked
package se.scbdelivery.scb.gdb;

import org.jspecify.annotations.NullMarked;
