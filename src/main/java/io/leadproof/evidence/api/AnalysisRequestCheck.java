package io.leadproof.evidence.api;

import io.leadproof.common.UserErrorCode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.leadproof.common.UserError;
import io.leadproof.evidence.core.OutcomeGroup;
import io.leadproof.evidence.core.OutcomeKind;
import io.leadproof.evidence.core.ReferenceMoment;
import io.leadproof.feedback.RejectionCategory;

/**
 * Turns a {@code SignalAnalysisInput} into an {@link AnalysisRequest}, or into user errors naming every field at
 * fault: a reversed or over-long window, invalid or overlapping groups, a sample size outside 1..100000, a
 * reference moment without its days, ids of the wrong kind.
 */
public final class AnalysisRequestCheck {
    public static final Duration MAX_WINDOW = Duration.ofDays(5 * 366);
    public static final int MAX_SAMPLE = 100_000;
    public static final int MAX_DAYS = 365;
    public static final int MAX_FILTER_VALUES = 100;

    private AnalysisRequestCheck() {
    }

    /** Either a request or the problems; never both. */
    public record Checked(AnalysisRequest request, List<UserError> errors) {
    }

    public static Checked check(EvidenceInputs.SignalAnalysisInput input) {
        List<UserError> errors = new ArrayList<>();
        Instant[] window = window(input.window(), errors, "input", "window");
        AnalysisRequest.Filter filter = FilterCheck.filter(input.filter(), errors);
        OutcomeGroup a = group(input.groupA(), OutcomeGroup.won(), errors, "groupA");
        OutcomeGroup b = group(input.groupB(), OutcomeGroup.stalledOrLost(), errors, "groupB");
        if (a != null && b != null && a.overlaps(b)) {
            errors.add(EvidenceErrorCode.GROUPS_OVERLAP.error("groups A and B overlap: a lead cannot be in both ("
                    + a.label() + " vs " + b.label() + ")", "input", "groupB"));
        }
        ReferenceMoment moment = moment(input.referenceMoment(), errors);
        Integer sample = input.sampleSize();
        if (sample != null && (sample < 1 || sample > MAX_SAMPLE)) {
            errors.add(EvidenceErrorCode.SAMPLE_SIZE_OUT_OF_RANGE.error("sampleSize must be between 1 and " + MAX_SAMPLE
                    + " leads per group, not " + sample, "input", "sampleSize"));
        }
        List<String> keys = input.signalKeys() == null ? List.of() : input.signalKeys().stream().map(k -> k == null ? "" : k.strip()).toList();
        if (keys.size() > 500) {
            errors.add(EvidenceErrorCode.UNKNOWN_SIGNAL.error("at most 500 signal keys", "input", "signalKeys"));
        }
        if (!errors.isEmpty()) {
            return new Checked(null, List.copyOf(errors));
        }
        return new Checked(new AnalysisRequest(window[0], window[1], filter, a, b, moment, sample, keys), List.of());
    }

    /** [from, to) or null with the errors added. */
    public static Instant[] window(EvidenceInputs.WindowInput window, List<UserError> errors, String... path) {
        if (window == null || window.from() == null || window.to() == null) {
            errors.add(UserError.of(UserErrorCode.REQUIRED, "the window needs from and to", path));
            return null;
        }
        Instant from = window.from().toInstant();
        Instant to = window.to().toInstant();
        if (!to.isAfter(from)) {
            errors.add(EvidenceErrorCode.WINDOW_REVERSED.error("the window ends (" + to + ") before it starts (" + from
                    + "); swap from and to", path));
            return null;
        }
        if (Duration.between(from, to).compareTo(MAX_WINDOW) > 0) {
            errors.add(EvidenceErrorCode.WINDOW_TOO_LONG.error("the window may span at most five years", path));
            return null;
        }
        return new Instant[] {from, to};
    }

    /** The cohort filters, or {@link AnalysisRequest.Filter#NONE}; problems added to {@code errors}. */
    public static AnalysisRequest.Filter filter(EvidenceInputs.FilterInput input, List<UserError> errors) {
        return FilterCheck.filter(input, errors);
    }

    /** An outcome group input checked (the backtest's good and bad outcomes too); null, with the problem in {@code errors}. */
    public static OutcomeGroup group(EvidenceInputs.GroupInput input, OutcomeGroup byDefault, List<UserError> errors, String field) {
        if (input == null) {
            return byDefault;
        }
        Set<OutcomeKind> kinds = EnumSet.noneOf(OutcomeKind.class);
        (input.outcomes() == null ? List.<DealOutcome>of() : input.outcomes()).stream().filter(java.util.Objects::nonNull)
                .forEach(o -> kinds.add(o.kind()));
        Set<RejectionCategory> categories = new LinkedHashSet<>();
        if (input.rejectionCategories() != null) {
            input.rejectionCategories().stream().filter(java.util.Objects::nonNull).forEach(categories::add);
        }
        if (kinds.isEmpty()) {
            errors.add(EvidenceErrorCode.INVALID_GROUP.error("a group holds at least one outcome", "input", field, "outcomes"));
        } else if (kinds.contains(OutcomeKind.OPEN)) {
            errors.add(EvidenceErrorCode.INVALID_GROUP.error("a group holds decided outcomes only (WON, LOST, STALLED, "
                    + "REJECTED), not OPEN", "input", field, "outcomes"));
        } else if (!categories.isEmpty() && !kinds.contains(OutcomeKind.REJECTED)) {
            errors.add(EvidenceErrorCode.INVALID_GROUP.error("rejection categories need REJECTED among the outcomes",
                    "input", field, "rejectionCategories"));
        } else {
            return new OutcomeGroup(label(kinds, categories), kinds, categories);
        }
        return null;
    }

    /** "won deals", "stalled or lost deals", "rejected deals (BUDGET)". */
    static String label(Set<OutcomeKind> kinds, Set<RejectionCategory> categories) {
        String words = kinds.stream().map(k -> k.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(" or "));
        return words + " deals" + (categories.isEmpty() ? "" : categories.stream().map(Enum::name)
                .collect(Collectors.joining(", ", " (", ")")));
    }

    static ReferenceMoment moment(EvidenceInputs.MomentInput input, List<UserError> errors) {
        if (input == null || input.kind() == ReferenceMomentKind.AT_HANDOFF) {
            return ReferenceMoment.atHandoff();
        }
        if (input.days() == null || input.days() < 0 || input.days() > MAX_DAYS) {
            errors.add(EvidenceErrorCode.INVALID_REFERENCE_MOMENT.error("CREATED_PLUS_DAYS needs days between 0 and "
                    + MAX_DAYS, "input", "referenceMoment", "days"));
            return null;
        }
        return ReferenceMoment.createdPlusDays(input.days());
    }
}
