package io.leadproof.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import graphql.language.Document;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.parser.Parser;

/**
 * The frontend conventions of the committed SDL as violations ("rule:Type.field"): what a Relay or Apollo cache and a
 * strict code generator need. {@link SchemaConventionsTest} compares them with its list of known gaps.
 */
final class SchemaRules {

    /** Object types that are values inside another object (no identity of their own), so no client caches them apart. */
    static final Set<String> VALUE_TYPES = Set.of("Query", "Mutation", "Subscription", "PageInfo", "UserError", "Money", "Attribute",
            "Viewer", "ScoreContribution", "CriteriaRule", "HandoffEvidence", "HandoffRejection", "HandoffEvent", "MqlCrossing",
            "ScoreChange", "LeadErasure", "LeadExport", "LeadExportHandoff", "HandoffAssignment", "MetricsBundle",
            "MetricsConversion", "MetricsGroup", "MetricsGroupKey", "MetricsRejectionCount", "MetricsResponseTime",
            "MetricsScoreBand", "MetricsSpend",
            // evidence, import and quality results: values of the object they belong to, refetched with it
            "AnalysisGroup", "CriteriaBacktestCategoryRate", "CriteriaBacktestDifference", "CriteriaBacktestFigures", "CriteriaBacktestLead",
            "CriteriaBacktestOutcomeCount", "CriteriaBacktestPredictiveComparison", "CriteriaBacktestReasonCount", "CriteriaBacktestResult", "CriteriaBacktestScoreBand",
            "DataQuality", "DataQualityIssue", "EvidenceRate", "EvidenceRatio",
            "EvidenceSignal", "ImportColumn", "ImportValueAlias", "LeadPrediction",
            "PredictionFactor", "PredictiveCalibrationBin", "PredictiveEvaluation", "PredictiveSample", "RejectionFinding",
            "RejectionInsights", "RejectionReasonInsight", "RejectionTrendMonth", "RuleRationale", "SampleDeal",
            "SignalAnalysis", "SuggestedChange",
            // dataQualityReport: a report over a window, like RejectionInsights
            "DataQualityReport", "DataQualityCounts", "DataQualityCheckCount", "DataQualityCampaign", "DataQualitySource",
            "DataQualityMisses",
            // leadMerge's result (like LeadErasure) and the quality part of a metrics bundle
            "LeadMerge", "MetricsQuality",
            // the custom-attribute part of a metrics group key, like the rest of MetricsGroupKey
            "MetricsAttributeGroup");

    /** Fields named like ids that name something outside LeadProof, so there is no object to link to. */
    static final Set<String> NOT_LINKS = Set.of("externalId", "clientEventId", "externalDealId");

    final Map<String, ObjectTypeDefinition> objects;
    final Map<String, InputObjectTypeDefinition> inputs;
    final Map<String, ScalarTypeDefinition> scalars;

    SchemaRules(String sdl) {
        Document doc = Parser.parse(sdl);
        objects = doc.getDefinitionsOfType(ObjectTypeDefinition.class).stream()
                .collect(Collectors.toMap(ObjectTypeDefinition::getName, Function.identity()));
        inputs = doc.getDefinitionsOfType(InputObjectTypeDefinition.class).stream()
                .collect(Collectors.toMap(InputObjectTypeDefinition::getName, Function.identity()));
        scalars = doc.getDefinitionsOfType(ScalarTypeDefinition.class).stream()
                .collect(Collectors.toMap(ScalarTypeDefinition::getName, Function.identity()));
    }

    static SchemaRules committed() throws IOException {
        return new SchemaRules(Files.readString(Path.of("graphql-schema", "schema.graphql")));
    }

    Set<String> violations() {
        Set<String> found = new TreeSet<>();
        objects.values().forEach(t -> {
            String name = t.getName();
            boolean wrapper = name.endsWith("Payload") || name.endsWith("Connection") || name.endsWith("Edge");
            if (!wrapper && !VALUE_TYPES.contains(name) && !isNode(name)) {
                found.add("node:" + name);
            }
            if (name.endsWith("Connection") && field(t, "totalCount") == null) {
                found.add("totalCount:" + name);
            }
            for (FieldDefinition f : t.getFieldDefinitions()) {
                boolean deprecated = f.hasDirective("deprecated");
                if (f.getName().equals("id") && !(isNode(name) && render(f.getType()).equals("ID!"))) {
                    found.add("id:" + name);
                }
                if (!deprecated && !f.getName().equals("id") && f.getName().matches(".*Ids?")
                        && Set.of("ID", "String").contains(named(f.getType())) && !NOT_LINKS.contains(f.getName())) {
                    found.add("link:" + name + "." + f.getName());
                }
                f.getInputValueDefinitions().forEach(a -> listItems(found, name + "." + f.getName() + "(" + a.getName() + ")", a));
            }
        });
        inputs.values().forEach(i -> i.getInputValueDefinitions().forEach(v -> listItems(found, i.getName() + "." + v.getName(), v)));
        for (FieldDefinition m : objects.get("Mutation").getFieldDefinitions()) {
            if (!returnsAnObject(objects.get(named(m.getType())))) {
                found.add("payload:" + m.getName());
            }
        }
        scalars.values().forEach(s -> {
            if (!s.hasDirective("specifiedBy")) {
                found.add("scalar:" + s.getName());
            }
        });
        return found;
    }

    boolean isNode(String type) {
        var t = objects.get(type);
        return t != null && t.getImplements().stream().anyMatch(i -> named(i).equals("Node"));
    }

    /**
     * A payload must hand back a Node (directly, or one level down) so a normalised cache can update it, and no bare id
     * beside it: an object it changed that comes back only as an ID (or not at all) leaves the cache stale.
     */
    private boolean returnsAnObject(ObjectTypeDefinition payload) {
        var fields = payload.getFieldDefinitions().stream().filter(f -> !f.getName().equals("userErrors")).toList();
        boolean bareId = fields.stream().anyMatch(f -> !f.hasDirective("deprecated") && named(f.getType()).equals("ID"));
        return !bareId && fields.stream().map(f -> named(f.getType()))
                .anyMatch(t -> isNode(t) || (objects.containsKey(t)
                        && objects.get(t).getFieldDefinitions().stream().anyMatch(g -> isNode(named(g.getType())))));
    }

    private static void listItems(Set<String> found, String where, InputValueDefinition v) {
        Type<?> t = v.getType() instanceof NonNullType nn ? nn.getType() : v.getType();
        if (t instanceof ListType list && !(list.getType() instanceof NonNullType)) {
            found.add("list:" + where);
        }
    }

    static FieldDefinition field(ObjectTypeDefinition t, String name) {
        return t.getFieldDefinitions().stream().filter(f -> f.getName().equals(name)).findFirst().orElse(null);
    }

    static String named(Type<?> t) {
        if (t instanceof NonNullType nn) {
            return named(nn.getType());
        }
        if (t instanceof ListType l) {
            return named(l.getType());
        }
        return ((TypeName) t).getName();
    }

    static String render(Type<?> t) {
        if (t instanceof NonNullType nn) {
            return render(nn.getType()) + "!";
        }
        if (t instanceof ListType l) {
            return "[" + render(l.getType()) + "]";
        }
        return ((TypeName) t).getName();
    }
}
