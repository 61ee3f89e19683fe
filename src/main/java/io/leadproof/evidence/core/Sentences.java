package io.leadproof.evidence.core;

import java.util.Locale;

/**
 * The plain sentence of a signal, e.g. "Won deals had requested a demo (BOFU) before handoff 3.5× as
 * often as stalled or lost deals (14 of 20 vs 4 of 20); strong evidence." The richer group speaks
 * first, so a signal of stalled deals reads as such.
 */
final class Sentences {
    private Sentences() {
    }

    static String of(SignalDefinition signal, Rate a, Rate b, Verdict verdict, Integer toSettle, Wording wording) {
        String what = signal.phrase() + timing(signal, wording.moment());
        boolean aRicher = a.value() >= b.value();
        Rate rich = aRicher ? a : b;
        Rate poor = aRicher ? b : a;
        String richLabel = aRicher ? wording.groupA() : wording.groupB();
        String poorLabel = aRicher ? wording.groupB() : wording.groupA();
        String counts = "(" + rich.count() + " of " + rich.n() + " vs " + poor.count() + " of " + poor.n() + ")";
        String claim;
        if (rich.value() == poor.value()) {
            claim = capitalise(wording.groupA()) + " and " + wording.groupB() + " had " + what + " equally often "
                    + "(" + a.count() + " of " + a.n() + " vs " + b.count() + " of " + b.n() + ")";
        } else if (poor.count() == 0) {
            claim = capitalise(richLabel) + " had " + what + " (" + rich.count() + " of " + rich.n() + ") and none of the "
                    + poorLabel + " had (0 of " + poor.n() + ")";
        } else {
            claim = capitalise(richLabel) + " had " + what + " " + times(rich.value() / poor.value()) + " as often as "
                    + poorLabel + " " + counts;
        }
        return claim + "; " + judgement(verdict, toSettle) + ".";
    }

    private static String timing(SignalDefinition signal, ReferenceMoment moment) {
        return switch (signal.timing()) {
            case AT_MOMENT -> " " + moment.traitPhrase();
            case BEFORE_MOMENT -> " " + moment.phrase();
            case NONE -> "";
        };
    }

    private static String judgement(Verdict verdict, Integer toSettle) {
        String settle = toSettle == null ? "" : ": about " + String.format(Locale.ROOT, "%,d", toSettle)
                + " deals per group would settle it";
        return switch (verdict) {
            case STRONG -> "strong evidence";
            case SUGGESTIVE -> "suggestive, not conclusive" + settle;
            case NOT_ENOUGH_EVIDENCE -> "not enough evidence" + settle;
        };
    }

    static String times(double ratio) {
        return (ratio >= 10 ? String.format(Locale.ROOT, "%.0f", ratio) : String.format(Locale.ROOT, "%.1f", ratio)) + "×";
    }

    static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
