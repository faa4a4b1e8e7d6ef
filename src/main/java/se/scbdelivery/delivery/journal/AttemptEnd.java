package se.scbdelivery.delivery.journal;

import java.time.Instant;

/** When and in which execution an upload attempt ended, and how. */
public record AttemptEnd(Verdict verdict, long execution, Instant at) {

}
