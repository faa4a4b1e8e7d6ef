package se.scbdelivery.delivery.journal;

import se.scbdelivery.scb.gdb.HistoryEntry;

/** The last {@code history/} answer, every field as received. */
public record GdbAnswer(HistoryEntry history) implements ScbAnswer {

}
