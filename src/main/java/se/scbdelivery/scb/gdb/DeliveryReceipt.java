package se.scbdelivery.scb.gdb;

import org.jspecify.annotations.Nullable;

/** SCB's answer to the completing fragment -1. */
public record DeliveryReceipt(DeliveryId deliveryId, @Nullable String timeStamp) {

}
