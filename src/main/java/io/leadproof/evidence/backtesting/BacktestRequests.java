package io.leadproof.evidence.backtesting;

import io.leadproof.common.UserErrorCode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.leadproof.common.InputProblems;
import io.leadproof.common.NodeId;
import io.leadproof.common.UserError;
import io.leadproof.evidence.api.AnalysisRequestCheck;
import io.leadproof.evidence.api.EvidenceInputs;
import io.leadproof.evidence.backtest.BacktestOptions;
import io.leadproof.evidence.core.OutcomeGroup;

/** Checks a start input and turns it into a {@link BacktestRequest}; every problem becomes a user error. */
final class BacktestRequests {

    static final int DEFAULT_MOMENT_DAYS = 30;

    record Checked(BacktestRequest request, List<UserError> userErrors) {
    }

    private BacktestRequests() {
    }

    /** Versions are resolved later; here ids, window, moment and numbers. {@code baseline} may be null (the active one). */
    static Checked check(BacktestInputs.Start in, Instant now) {
        var problems = new InputProblems();
        UUID version = id("CriteriaVersion", in.versionId(), "versionId", problems);
        UUID baseline = in.compareWithVersionId() == null ? null
                : id("CriteriaVersion", in.compareWithVersionId(), "compareWithVersionId", problems);
        Instant from = in.from() == null ? null : in.from().toInstant();
        Instant to = in.to() == null ? null : in.to().toInstant();
        if (from == null || to == null) {
            problems.add(UserErrorCode.REQUIRED, "from and to are required", from == null ? "from" : "to");
        } else if (!to.isAfter(from)) {
            problems.add(UserErrorCode.INVALID_WINDOW, "to must be after from", "to");
        } else if (to.isAfter(now)) {
            problems.add(UserErrorCode.INVALID_WINDOW, "to must not lie in the future: history is replayed, not forecast", "to");
        } else if (BacktestRequest.MAX_WINDOW.compareTo(java.time.Duration.between(from, to)) < 0) {
            problems.add(UserErrorCode.WINDOW_TOO_LONG, "a backtest window spans at most 5 years", "to");
        }
        Integer days = problems.range(in.momentDays(), 0, 365, "momentDays");
        Integer reps = problems.range(in.reps(), 1, 10_000, "reps");
        Integer width = problems.range(in.scoreBandWidth(), 1, 1000, "scoreBandWidth");
        var filter = in.filter() == null ? new BacktestInputs.Filter(null, null, null, null) : in.filter();
        tooMany(filter.campaignIds(), "campaignIds", problems);
        tooMany(filter.criteriaVersionIds(), "criteriaVersionIds", problems);
        tooMany(filter.owners(), "owners", problems);
        tooMany(filter.sources(), "sources", problems);
        if (!problems.isEmpty()) {
            return new Checked(null, problems.errors().stream().map(e -> isFilterField(e) ? e.under("filter") : e).toList());
        }
        List<UUID> campaigns = ids("Campaign", filter.campaignIds(), "campaignIds", problems);
        List<UUID> versions = ids("CriteriaVersion", filter.criteriaVersionIds(), "criteriaVersionIds", problems);
        List<String> owners = new ArrayList<>();
        for (String owner : filter.owners() == null ? List.<String>of() : filter.owners()) {
            String clean = problems.text(owner, 200, "owners");
            if (clean != null) {
                owners.add(clean);
            }
        }
        OutcomeGroup good = group(in.goodOutcomes(), OutcomeGroup.won(), "goodOutcomes", problems);
        OutcomeGroup bad = group(in.badOutcomes(), BacktestOptions.notWon(), "badOutcomes", problems);
        if (good != null && bad != null && good.overlaps(bad)) {
            problems.add(UserErrorCode.INVALID_GROUP, "an outcome cannot count as both good and bad: " + good.label() + " and "
                    + bad.label() + " overlap", "badOutcomes");
        }
        if (!problems.isEmpty()) {
            return new Checked(null, problems.errors().stream().map(e -> isFilterField(e) ? e.under("filter") : e).toList());
        }
        var moment = in.referenceMoment() == null ? BacktestMoment.AT_HANDOFF_OR_CREATED_PLUS_DAYS : in.referenceMoment();
        return new Checked(new BacktestRequest(version, baseline, from, to, moment, days == null ? DEFAULT_MOMENT_DAYS : days,
                now, campaigns, filter.sources(), versions, owners, reps,
                width == null ? BacktestOptions.DEFAULT_BAND_WIDTH : width, good, bad), List.of());
    }

    /** The checks of the signal analysis' groups; a problem is reported under the group's field. */
    private static OutcomeGroup group(EvidenceInputs.GroupInput input, OutcomeGroup byDefault, String field, InputProblems problems) {
        List<UserError> errors = new ArrayList<>();
        OutcomeGroup group = AnalysisRequestCheck.group(input, byDefault, errors, field);
        errors.forEach(e -> problems.add(e.code(), e.message(), field));
        return group;
    }

    private static boolean isFilterField(UserError e) {
        String field = e.field().isEmpty() ? "" : e.field().getFirst();
        return List.of("campaignIds", "criteriaVersionIds", "owners", "sources").contains(field);
    }

    /** Most values each filter list takes (docs/limits.md). */
    static final int MAX_FILTER_VALUES = 100;

    private static void tooMany(List<?> values, String field, InputProblems problems) {
        if (values != null && values.size() > MAX_FILTER_VALUES) {
            problems.add(UserErrorCode.TOO_MANY, field + " takes at most " + MAX_FILTER_VALUES + " values", field);
        }
    }

    private static UUID id(String type, String value, String field, InputProblems problems) {
        UUID id = NodeId.parse(type, value);
        if (id == null) {
            problems.add(UserErrorCode.INVALID_ID, field + " is not a " + type + " id (gid://leadproof/" + type + "/<uuid>)", field);
        }
        return id;
    }

    private static List<UUID> ids(String type, List<String> values, String field, InputProblems problems) {
        List<UUID> ids = new ArrayList<>();
        for (String value : values == null ? List.<String>of() : values) {
            UUID id = id(type, value, field, problems);
            if (id != null) {
                ids.add(id);
            }
        }
        return ids;
    }
}
