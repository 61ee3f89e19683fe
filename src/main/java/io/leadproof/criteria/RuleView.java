package io.leadproof.criteria;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.leadproof.lead.ActivityType;
import io.leadproof.lead.FunnelStage;
import io.leadproof.scoring.engine.LeadField;
import io.leadproof.scoring.engine.Operator;
import io.leadproof.scoring.engine.RuleKind;

@Type("CriteriaRule")
@Description("A rule of a criteria version. FIT and KNOCK_OUT rules use field/operator/values; ENGAGEMENT rules the activity fields.")
public record RuleView(
        @NonNull @Description("Stable key within the version; contributions name it.") String key,
        @NonNull @Description("Human-readable name.") String label,
        @NonNull @Description("FIT, ENGAGEMENT or KNOCK_OUT.") RuleKind kind,
        @Description("Lead attribute the predicate tests (FIT, KNOCK_OUT).") LeadField field,
        @Description("Custom attribute key when field is CUSTOM.") String customKey,
        @Description("Comparison operator (FIT, KNOCK_OUT).") Operator operator,
        @Description("Operand values as text (FIT, KNOCK_OUT).") List<@NonNull String> values,
        @Description("Points when the predicate holds (FIT); may be negative.") Integer points,
        @Description("Activity type counted; null counts any type (ENGAGEMENT).") ActivityType activityType,
        @Description("Funnel stage the activity must have; null for any (ENGAGEMENT).") FunnelStage funnelStage,
        @Description("Content tag the activity must have; null for any (ENGAGEMENT).") String contentTag,
        @Description("Look-back window in days (ENGAGEMENT).") Integer windowDays,
        @Description("Points per occurrence (ENGAGEMENT); may be negative.") Integer pointsPerOccurrence,
        @Description("Most points the rule can give in total (ENGAGEMENT).") Integer cap,
        @Description("Half-life of an occurrence's points in days; null for no decay (ENGAGEMENT).") Double halfLifeDays,
        @org.eclipse.microprofile.graphql.Ignore java.util.UUID versionUuid) {

    static RuleView of(java.util.UUID versionId, RuleDefinition d) {
        return new RuleView(d.key(), d.label(), d.kind(), d.field(), d.customKey(), d.operator(), d.values(), d.points(),
                d.activityType(), d.funnelStage(), d.contentTag(), d.windowDays(), d.pointsPerOccurrence(), d.cap(), d.halfLifeDays(),
                versionId);
    }
}
