package io.leadproof.evidence.core;

import java.time.Duration;
import java.time.Instant;

/**
 * The instant at which a lead is judged. AT_HANDOFF: the handoff's creation (imported handoffs
 * included); CREATED_PLUS_DAYS(n): n days after the lead was created.
 */
public sealed interface ReferenceMoment {

    /** The lead's reference moment, or null when it has none (AT_HANDOFF for a lead never handed off). */
    Instant of(Instant leadCreatedAt, Instant handedOffAt);

    /** How behaviour is qualified in sentences: "before handoff", "in their first 30 days". */
    String phrase();

    /** How traits are qualified in sentences: "at handoff", "30 days after creation". */
    String traitPhrase();

    static ReferenceMoment atHandoff() {
        return new AtHandoff();
    }

    static ReferenceMoment createdPlusDays(int days) {
        return new CreatedPlusDays(days);
    }

    record AtHandoff() implements ReferenceMoment {
        @Override
        public Instant of(Instant leadCreatedAt, Instant handedOffAt) {
            return handedOffAt;
        }

        @Override
        public String phrase() {
            return "before handoff";
        }

        @Override
        public String traitPhrase() {
            return "at handoff";
        }
    }

    record CreatedPlusDays(int days) implements ReferenceMoment {
        public CreatedPlusDays {
            if (days < 0) {
                throw new IllegalArgumentException("days must not be negative, not " + days);
            }
        }

        @Override
        public Instant of(Instant leadCreatedAt, Instant handedOffAt) {
            return leadCreatedAt.plus(Duration.ofDays(days));
        }

        @Override
        public String phrase() {
            return "in their first " + days + (days == 1 ? " day" : " days");
        }

        @Override
        public String traitPhrase() {
            return days + (days == 1 ? " day" : " days") + " after creation";
        }
    }
}
