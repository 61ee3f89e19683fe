package io.leadproof.criteria;

import java.util.List;

import io.leadproof.lead.ActivityType;
import io.leadproof.lead.FunnelStage;
import io.leadproof.scoring.engine.LeadField;
import io.leadproof.scoring.engine.Operator;
import io.leadproof.scoring.engine.RuleKind;

/**
 * A rule as stored in a version's JSON document and as edited through the API: one flat shape for
 * all kinds. FIT uses field/operator/values/points, KNOCK_OUT field/operator/values, ENGAGEMENT the
 * activity fields. {@link RuleDefinitions} turns it into the engine's typed rule.
 */
public record RuleDefinition(
        String key,
        String label,
        RuleKind kind,
        LeadField field,
        String customKey,
        Operator operator,
        List<String> values,
        Integer points,
        ActivityType activityType,
        FunnelStage funnelStage,
        String contentTag,
        Integer windowDays,
        Integer pointsPerOccurrence,
        Integer cap,
        Double halfLifeDays) {
}
