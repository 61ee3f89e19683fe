package io.leadproof.evidence.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a lead's reference moment could know: the one home of the no-leakage rule shared by
 * signals, rejection insights and the predictive features.
 * <ul>
 *   <li>an activity aggregate counts only when its most recent activity is at or before the moment
 *   (as the scoring engine counts activities up to its asOf); otherwise its count includes later
 *   activity and the whole aggregate is dropped (a correct feeder never sends one);</li>
 *   <li>a first-call signal counts only when the lead was handed off and the signal was logged in
 *   [handoff, handoff + window].</li>
 * </ul>
 */
public final class AsOf {
    /** The workspace default of the first-call window. */
    public static final Duration DEFAULT_FIRST_CALL_WINDOW = Duration.ofDays(14);

    private AsOf() {
    }

    public static List<ActivityAggregate> activities(ReferenceLead lead) {
        List<ActivityAggregate> known = null;
        List<ActivityAggregate> all = lead.activities();
        for (int i = 0; i < all.size(); i++) {
            ActivityAggregate aggregate = all.get(i);
            boolean before = !aggregate.lastAt().isAfter(lead.referenceMoment());
            if (!before && known == null) {
                known = new ArrayList<>(all.subList(0, i));
            } else if (before && known != null) {
                known.add(aggregate);
            }
        }
        return known == null ? all : known;
    }

    /** The distinct first-call signal codes logged within {@code window} after the handoff. */
    public static Set<String> firstCallCodes(ReferenceLead lead, Duration window) {
        Instant handoff = lead.handedOffAt();
        if (handoff == null || lead.firstCallSignals().isEmpty()) {
            return Set.of();
        }
        Instant end = handoff.plus(window);
        Set<String> codes = new LinkedHashSet<>();
        for (FirstCallSignal signal : lead.firstCallSignals()) {
            if (!signal.loggedAt().isBefore(handoff) && !signal.loggedAt().isAfter(end)) {
                codes.add(signal.code());
            }
        }
        return codes;
    }
}
