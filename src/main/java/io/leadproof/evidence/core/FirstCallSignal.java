package io.leadproof.evidence.core;

import java.time.Instant;
import java.util.Objects;

/** A first-call signal code that sales logged on a touch of the handoff, and when. */
public record FirstCallSignal(String code, Instant loggedAt) {
    public FirstCallSignal {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(loggedAt, "loggedAt");
    }
}
