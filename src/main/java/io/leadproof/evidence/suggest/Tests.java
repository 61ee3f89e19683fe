package io.leadproof.evidence.suggest;

import io.leadproof.scoring.engine.Predicate;

import java.util.Locale;
import java.util.stream.Collectors;

/** What a predicate tests, as a key that ignores case and surrounding blanks, as the engine does. */
final class Tests {
    private Tests() {
    }

    static String of(Predicate predicate) {
        String key = predicate.customKey() == null ? "" : predicate.customKey().strip();
        return predicate.field() + "|" + key + "|" + predicate.op() + "|" + predicate.values().stream()
                .map(v -> v == null ? "" : v.strip().toLowerCase(Locale.ROOT)).collect(Collectors.joining(","));
    }
}
