package se.scbdelivery.scb.generic;

import org.jspecify.annotations.Nullable;

/** One row SCB's validation found wrong, with the row as SCB quoted it. */
public record RowError(@Nullable String errorDescription, @Nullable String rowData) {

}
