package io.leadproof.evidence.core;

import java.util.Objects;

/** How many leads of group A ({@code a}) and of group B ({@code b}) show one signal. */
public record SignalCount(SignalDefinition signal, int a, int b) {
    public SignalCount {
        Objects.requireNonNull(signal, "signal");
        if (a < 0 || b < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }
}
