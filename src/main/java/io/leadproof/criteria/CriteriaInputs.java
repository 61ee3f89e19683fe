package io.leadproof.criteria;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.smallrye.graphql.api.Nullable;

import io.leadproof.lead.ActivityType;
import io.leadproof.lead.FunnelStage;
import io.leadproof.scoring.engine.LeadField;
import io.leadproof.scoring.engine.Operator;
import io.leadproof.scoring.engine.RuleKind;

/** Input objects of the criteria mutations. */
public final class CriteriaInputs {

    private CriteriaInputs() {
    }

    @Input("CriteriaRuleInput")
    @Description("A rule. FIT: field, operator, values, points. KNOCK_OUT: field, operator, values. "
            + "ENGAGEMENT: activityType and/or funnelStage/contentTag, windowDays, pointsPerOccurrence, cap, optional halfLifeDays.")
    public record RuleInput(
            @NonNull @Description("Stable key: lower-case letters, digits, - and _; at most 64 characters.") String key,
            @NonNull @Description("Human-readable name, at most 120 characters.") String label,
            @NonNull @Description("Rule kind.") RuleKind kind,
            @Description("Lead attribute to test.") LeadField field,
            @Description("Custom attribute key when field is CUSTOM.") String customKey,
            @Description("Comparison operator.") Operator operator,
            @Nullable @Description("Operand values of FIT and KNOCK_OUT rules as text; at most 100, each at most 200 characters."
                    + " Not used by ENGAGEMENT rules.") List<@NonNull String> values,
            @Description("Points for FIT rules.") Integer points,
            @Description("Activity type for ENGAGEMENT rules; null counts any type.") ActivityType activityType,
            @Description("Funnel stage for ENGAGEMENT rules.") FunnelStage funnelStage,
            @Description("Content tag for ENGAGEMENT rules.") String contentTag,
            @Description("Look-back window in days, 1..3650.") Integer windowDays,
            @Description("Points per occurrence.") Integer pointsPerOccurrence,
            @Description("Most points in total; at least |pointsPerOccurrence|.") Integer cap,
            @Description("Half-life in days for decay; omit for none.") Double halfLifeDays) {

        RuleDefinition definition() {
            return new RuleDefinition(key == null ? null : key.strip(), label == null ? null : label.strip(), kind, field,
                    customKey, operator, values, points, activityType, funnelStage, contentTag, windowDays,
                    pointsPerOccurrence, cap, halfLifeDays);
        }
    }

    @Input("CriteriaModelCreateInput")
    @Description("A new criteria model.")
    public record ModelCreate(
            @NonNull @Description("Unique name.") String name,
            @Description("Make it the model that drives handoffs (default false).") Boolean drivesHandoffs) {
    }

    @Input("CriteriaModelSetHandoffInput")
    @Description("Choose the model that drives handoffs.")
    public record ModelSetHandoff(@Id @NonNull @Description("Model id.") String modelId) {
    }

    @Input("CriteriaDraftCreateInput")
    @Description("A new draft version, empty or copied from an existing version of the same model.")
    public record DraftCreate(
            @Id @NonNull @Description("Model id.") String modelId,
            @Id @Description("Version to copy rules and thresholds from.") String copyFromVersionId) {
    }

    @Input("CriteriaRuleAddInput")
    @Description("Adds a rule to a draft.")
    public record RuleAdd(
            @Id @NonNull @Description("Draft version id.") String versionId,
            @NonNull @Description("The rule.") RuleInput rule) {
    }

    @Input("CriteriaRuleUpdateInput")
    @Description("Replaces a rule of a draft.")
    public record RuleUpdate(
            @Id @NonNull @Description("Draft version id.") String versionId,
            @NonNull @Description("Key of the rule to replace.") String ruleKey,
            @NonNull @Description("The new rule.") RuleInput rule) {
    }

    @Input("CriteriaRuleRemoveInput")
    @Description("Removes a rule from a draft.")
    public record RuleRemove(
            @Id @NonNull @Description("Draft version id.") String versionId,
            @NonNull @Description("Key of the rule to remove.") String ruleKey) {
    }

    @Input("CriteriaThresholdsSetInput")
    @Description("Sets a draft's thresholds.")
    public record ThresholdsSet(
            @Id @NonNull @Description("Draft version id.") String versionId,
            @NonNull @Description("MQL threshold on the total, -1000000..1000000.") int mql,
            @Description("Minimum fit score, if any.") Integer minFit,
            @Description("Minimum engagement score, if any.") Integer minEngagement) {
    }

    @Input("CriteriaVersionRefInput")
    @Description("Names a version.")
    public record VersionRef(@Id @NonNull @Description("Version id.") String versionId) {
    }
}
