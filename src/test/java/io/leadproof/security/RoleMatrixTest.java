package io.leadproof.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;

import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.Source;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import io.leadproof.common.NodeId;
import io.leadproof.e2e.Api;
import io.leadproof.e2e.RealTokenClient;
import io.leadproof.e2e.Subscriptions;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Holds the service to the role matrix written down in {@code docs/security.md}: the table must name exactly the
 * operations the served schema has (plus every role-restricted {@code @Source} field), and every cell must match
 * what the running service does for a real Keycloak user of that role in workspace {@code acme}.
 *
 * <p>Adding an operation? Add its row to the table in docs/security.md and a probe to {@link #PROBES}.
 */
@QuarkusTest
class RoleMatrixTest {

    static final Path DOC = Path.of("docs", "security.md");
    static final List<String> HEADER = List.of("operation", "kind", Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.LEADERSHIP);
    static final List<String> ROLES = HEADER.subList(2, HEADER.size());
    static final Set<String> KINDS = Set.of("query", "mutation", "subscription", "field");
    static final String ALLOWED = "✓";
    static final String DENIED = "—";

    /** The acme user that holds exactly this realm role. */
    static final Map<String, String> USER_OF_ROLE = Map.of(
            Roles.ADMIN, "ada.admin",
            Roles.MARKETING, "mia.marketing",
            Roles.SALES, "sam.sales",
            Roles.LEADERSHIP, "leo.leader");

    // ------------------------------------------------------------------ probes

    /**
     * Objects of workspace acme the probes can point at; created once by ada.admin. The handoff belongs to an MQL lead
     * (handed off automatically); the criteria ids are the handoff model and a version of it.
     */
    record Fixture(String leadId, String campaignId, String currency, String handoffId, String modelId, String versionId) {
    }

    /**
     * A minimal, valid document for one row. {@code resolves} is the JSON path that must be non-null when the role
     * is allowed (proving the resolver really ran); for a {@code field} row it is the field itself, for an operation
     * its root field. Null for subscriptions, which may legitimately stay silent.
     */
    record Probe(String document, Function<Fixture, Map<String, Object>> variables, String resolves) {

        static Probe of(String document, String resolves) {
            return new Probe(document, f -> Map.of(), resolves);
        }

        static Probe of(String document, Function<Fixture, Map<String, Object>> variables, String resolves) {
            return new Probe(document, variables, resolves);
        }

        /** The top-level field the document selects ({@code data.<root>}). */
        String root() {
            return resolves == null ? null : resolves.split("\\.")[1];
        }
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /**
     * An id of the right type that was never issued. State-changing probes (handoff transitions, criteria edits)
     * point at one: an allowed role then gets a NOT_FOUND user error in a non-null payload — proof that the resolver
     * ran — and no probe changes the state the other probes (and tests) rely on.
     */
    static String unknown(String type) {
        return NodeId.of(type, UUID.randomUUID());
    }

    static final Map<String, Object> WINDOW = Map.of("from", "2026-01-01", "to", "2026-02-01");
    static final Map<String, Object> EVIDENCE_WINDOW = Map.of("from", "2026-01-01T00:00:00Z", "to", "2026-02-01T00:00:00Z");
    static final String RULE = "{ key: \"role-matrix\", label: \"Role matrix\", kind: FIT, field: COUNTRY, operator: EQUALS, "
            + "values: [\"DE\"], points: 1 }";

    static final Map<String, Probe> PROBES = Map.ofEntries(
            // queries
            Map.entry("viewer", Probe.of("{ viewer { userName roles workspace { id } } }", "data.viewer")),
            Map.entry("workspace", Probe.of("{ workspace { id reportingCurrency } }", "data.workspace")),
            Map.entry("node", Probe.of("query($id: ID!) { node(id: $id) { id } }",
                    f -> Map.of("id", f.leadId()), "data.node")),
            Map.entry("lead", Probe.of("query($id: ID!) { lead(id: $id) { id email } }",
                    f -> Map.of("id", f.leadId()), "data.lead")),
            Map.entry("leads", Probe.of("{ leads(first: 1) { edges { node { id } } pageInfo { hasNextPage } } }", "data.leads")),
            Map.entry("campaign", Probe.of("query($id: ID!) { campaign(id: $id) { id name } }",
                    f -> Map.of("id", f.campaignId()), "data.campaign")),
            Map.entry("campaigns", Probe.of("{ campaigns(first: 1) { edges { node { id } } pageInfo { hasNextPage } } }",
                    "data.campaigns")),
            // mutations
            Map.entry("leadUpsert", Probe.of("""
                    mutation($input: LeadInput!) { leadUpsert(input: $input) { created lead { id } userErrors { code } } }""",
                    f -> Map.of("input", Map.of("email", unique("role-matrix-upsert") + "@probe.contoso.com")),
                    "data.leadUpsert")),
            Map.entry("leadsImport", Probe.of("""
                    mutation($input: LeadsImportInput!) { leadsImport(input: $input) { createdCount updatedCount userErrors { code } } }""",
                    f -> Map.of("input", Map.of("leads", List.of(Map.of("email", unique("role-matrix-import") + "@probe.contoso.com")))),
                    "data.leadsImport")),
            Map.entry("activitiesRecord", Probe.of("""
                    mutation($input: ActivitiesRecordInput!) { activitiesRecord(input: $input) {
                      recordedCount duplicateCount userErrors { code field } } }""",
                    f -> Map.of("input", Map.of("activities", List.of(Map.of(
                            "clientEventId", unique("role-matrix"), "leadId", f.leadId(), "type", "PAGE_VIEW",
                            "occurredAt", "2026-01-02T03:04:05Z")))),
                    "data.activitiesRecord")),
            Map.entry("campaignCreate", Probe.of("""
                    mutation($input: CampaignCreateInput!) { campaignCreate(input: $input) { campaign { id } userErrors { code } } }""",
                    f -> Map.of("input", Map.of("name", unique("role-matrix-campaign"), "channel", "PAID_SEARCH")),
                    "data.campaignCreate")),
            Map.entry("campaignCostRecord", Probe.of("""
                    mutation($input: CampaignCostRecordInput!) { campaignCostRecord(input: $input) { cost { id } userErrors { code } } }""",
                    f -> Map.of("input", Map.of("campaignId", f.campaignId(), "incurredOn", "2026-01-02",
                            "amount", Map.of("amount", "1.00", "currency", f.currency()), "note", "role matrix probe")),
                    "data.campaignCostRecord")),
            Map.entry("workspaceUpdate", Probe.of("""
                    mutation($input: WorkspaceUpdateInput!) { workspaceUpdate(input: $input) { workspace { id } userErrors { code } } }""",
                    f -> Map.of("input", Map.of()), "data.workspaceUpdate")),
            Map.entry("criteriaModels", Probe.of("{ criteriaModels(first: 1) { id name } }", "data.criteriaModels")),
            Map.entry("criteriaModel", Probe.of("query($id: ID!) { criteriaModel(id: $id) { id name } }",
                    f -> Map.of("id", f.modelId()), "data.criteriaModel")),
            Map.entry("criteriaVersion", Probe.of("query($id: ID!) { criteriaVersion(id: $id) { id status } }",
                    f -> Map.of("id", f.versionId()), "data.criteriaVersion")),
            Map.entry("handoff", Probe.of("query($id: ID!) { handoff(id: $id) { id state } }",
                    f -> Map.of("id", f.handoffId()), "data.handoff")),
            Map.entry("myHandoffs", Probe.of("{ myHandoffs(first: 1) { edges { node { id } } pageInfo { hasNextPage } } }",
                    "data.myHandoffs")),
            Map.entry("rejectionReasons", Probe.of("{ rejectionReasons { code category } }", "data.rejectionReasons")),
            Map.entry("salesReps", Probe.of("{ salesReps { userName available } }", "data.salesReps")),
            Map.entry("metrics", Probe.of("query($w: MetricsWindowInput!) { metrics(window: $w) { leads } }",
                    f -> Map.of("w", WINDOW), "data.metrics")),
            Map.entry("metricsBreakdown", Probe.of("""
                    query($w: MetricsWindowInput!) { metricsBreakdown(window: $w, by: MONTH, first: 1) { totalCount } }""",
                    f -> Map.of("w", WINDOW), "data.metricsBreakdown")),
            Map.entry("criteriaModelCreate", Probe.of("""
                    mutation($input: CriteriaModelCreateInput!) { criteriaModelCreate(input: $input) { model { id } userErrors { code } } }""",
                    f -> Map.of("input", Map.of("name", unique("role-matrix-model"))), "data.criteriaModelCreate")),
            Map.entry("criteriaModelSetHandoff", Probe.of("""
                    mutation($input: CriteriaModelSetHandoffInput!) { criteriaModelSetHandoff(input: $input) { model { id } userErrors { code } } }""",
                    f -> Map.of("input", Map.of("modelId", unknown("CriteriaModel"))), "data.criteriaModelSetHandoff")),
            Map.entry("criteriaDraftCreate", Probe.of("""
                    mutation($input: CriteriaDraftCreateInput!) { criteriaDraftCreate(input: $input) { version { id } userErrors { code } } }""",
                    f -> Map.of("input", Map.of("modelId", unknown("CriteriaModel"))), "data.criteriaDraftCreate")),
            Map.entry("criteriaRuleAdd", Probe.of("mutation($v: ID!) { criteriaRuleAdd(input: { versionId: $v, rule: " + RULE
                    + " }) { version { id } userErrors { code } } }",
                    f -> Map.of("v", unknown("CriteriaVersion")), "data.criteriaRuleAdd")),
            Map.entry("criteriaRuleUpdate", Probe.of("mutation($v: ID!) { criteriaRuleUpdate(input: { versionId: $v, ruleKey: \"role-matrix\", rule: "
                    + RULE + " }) { version { id } userErrors { code } } }",
                    f -> Map.of("v", unknown("CriteriaVersion")), "data.criteriaRuleUpdate")),
            Map.entry("criteriaRuleRemove", Probe.of("""
                    mutation($v: ID!) { criteriaRuleRemove(input: { versionId: $v, ruleKey: "role-matrix" }) { version { id } userErrors { code } } }""",
                    f -> Map.of("v", unknown("CriteriaVersion")), "data.criteriaRuleRemove")),
            Map.entry("criteriaThresholdsSet", Probe.of("""
                    mutation($v: ID!) { criteriaThresholdsSet(input: { versionId: $v, mql: 50 }) { version { id } userErrors { code } } }""",
                    f -> Map.of("v", unknown("CriteriaVersion")), "data.criteriaThresholdsSet")),
            Map.entry("criteriaVersionPublish", Probe.of("""
                    mutation($v: ID!) { criteriaVersionPublish(input: { versionId: $v }) { version { id } userErrors { code } } }""",
                    f -> Map.of("v", unknown("CriteriaVersion")), "data.criteriaVersionPublish")),
            Map.entry("criteriaVersionRetire", Probe.of("""
                    mutation($v: ID!) { criteriaVersionRetire(input: { versionId: $v }) { version { id } userErrors { code } } }""",
                    f -> Map.of("v", unknown("CriteriaVersion")), "data.criteriaVersionRetire")),
            Map.entry("scoringJobResume", Probe.of("""
                    mutation($j: ID!) { scoringJobResume(input: { jobId: $j }) { job { id } userErrors { code } } }""",
                    f -> Map.of("j", unknown("ScoringJob")), "data.scoringJobResume")),
            Map.entry("handoffCreate", Probe.of("""
                    mutation($l: ID!) { handoffCreate(input: { leadId: $l }) { handoff { id } userErrors { code } } }""",
                    f -> Map.of("l", f.leadId()), "data.handoffCreate")),
            Map.entry("handoffAccept", Probe.of("""
                    mutation($h: ID!) { handoffAccept(input: { handoffId: $h }) { handoff { id } userErrors { code } } }""",
                    f -> Map.of("h", unknown("Handoff")), "data.handoffAccept")),
            Map.entry("handoffReject", Probe.of("""
                    mutation($h: ID!) { handoffReject(input: { handoffId: $h, reasonCode: "OTHER" }) { handoff { id } userErrors { code } } }""",
                    f -> Map.of("h", unknown("Handoff")), "data.handoffReject")),
            Map.entry("handoffLogTouch", Probe.of("""
                    mutation($h: ID!) { handoffLogTouch(input: { handoffId: $h, channel: EMAIL }) { handoff { id } userErrors { code } } }""",
                    f -> Map.of("h", unknown("Handoff")), "data.handoffLogTouch")),
            Map.entry("handoffAssign", Probe.of("""
                    mutation($h: ID!) { handoffAssign(input: { handoffId: $h, ownerId: "sam.sales" }) { handoff { id } userErrors { code } } }""",
                    f -> Map.of("h", unknown("Handoff")), "data.handoffAssign")),
            Map.entry("opportunityCreate", Probe.of("""
                    mutation($h: ID!) { opportunityCreate(input: { handoffId: $h, name: "Role matrix" }) { handoff { id } userErrors { code } } }""",
                    f -> Map.of("h", unknown("Handoff")), "data.opportunityCreate")),
            Map.entry("dealWin", Probe.of("""
                    mutation($h: ID!, $m: MoneyInput!) { dealWin(input: { handoffId: $h, amount: $m }) { handoff { id } userErrors { code } } }""",
                    f -> Map.of("h", unknown("Handoff"), "m", Map.of("amount", "1.00", "currency", f.currency())), "data.dealWin")),
            Map.entry("dealLose", Probe.of("""
                    mutation($h: ID!) { dealLose(input: { handoffId: $h, reason: "Role matrix" }) { handoff { id } userErrors { code } } }""",
                    f -> Map.of("h", unknown("Handoff")), "data.dealLose")),
            Map.entry("rejectionReasonCreate", Probe.of("""
                    mutation($input: RejectionReasonCreateInput!) { rejectionReasonCreate(input: $input) { reason { code } userErrors { code } } }""",
                    f -> Map.of("input", Map.of("code", "RM_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase(),
                            "label", "Role matrix probe", "category", "OTHER")),
                    "data.rejectionReasonCreate")),
            Map.entry("rejectionReasonUpdate", Probe.of("""
                    mutation($input: RejectionReasonUpdateInput!) { rejectionReasonUpdate(input: $input) { reason { code } userErrors { code } } }""",
                    f -> Map.of("input", Map.of("code", "RM_NEVER_CREATED", "label", "Role matrix probe")), "data.rejectionReasonUpdate")),
            // registers an unavailable rep, so round robin never picks it
            Map.entry("salesRepUpsert", Probe.of("""
                    mutation { salesRepUpsert(input: { userName: "role-matrix-rep", available: false }) { rep { userName } userErrors { code } } }""",
                    "data.salesRepUpsert")),
            // available: true is every rep's default, so a probe never takes a rep out of round robin
            Map.entry("salesRepSetMyAvailability", Probe.of("""
                    mutation { salesRepSetMyAvailability(available: true) { rep { userName } userErrors { code } } }""",
                    "data.salesRepSetMyAvailability")),
            Map.entry("privacyAudit", Probe.of("{ privacyAudit(first: 1) { edges { node { id } } pageInfo { hasNextPage } } }",
                    "data.privacyAudit")),
            // an unknown lead: NOT_FOUND, nothing erased, exported or audited
            Map.entry("leadErase", Probe.of("""
                    mutation($l: ID!) { leadErase(input: { leadId: $l, reason: DATA_SUBJECT_REQUEST }) { erasure { leadId } userErrors { code } } }""",
                    f -> Map.of("l", unknown("Lead")), "data.leadErase")),
            Map.entry("leadExport", Probe.of("""
                    mutation($l: ID!) { leadExport(input: { leadId: $l }) { export { leadId } userErrors { code } } }""",
                    f -> Map.of("l", unknown("Lead")), "data.leadExport")),
            // subscriptions: a silent stream is fine for an allowed role (resolves = null)
            Map.entry("handoffAssigned", Probe.of("subscription { handoffAssigned { handoffId } }", null)),
            // role-restricted fields: query the parent, select the field
            Map.entry("Lead.campaign", Probe.of("query($id: ID!) { lead(id: $id) { id campaign { id } } }",
                    f -> Map.of("id", f.leadId()), "data.lead.campaign")),
            Map.entry("Lead.activities", Probe.of("""
                    query($id: ID!) { lead(id: $id) { id activities(first: 1) { edges { node { id } } } } }""",
                    f -> Map.of("id", f.leadId()), "data.lead.activities")),
            Map.entry("Campaign.totalCost", Probe.of("query($id: ID!) { campaign(id: $id) { id totalCost { amount currency } } }",
                    f -> Map.of("id", f.campaignId()), "data.campaign.totalCost")),
            Map.entry("Campaign.costs", Probe.of("query($id: ID!) { campaign(id: $id) { id costs(first: 1) { id } } }",
                    f -> Map.of("id", f.campaignId()), "data.campaign.costs")),
            Map.entry("MetricsBundle.spend", Probe.of("query($w: MetricsWindowInput!) { metrics(window: $w) { leads spend { total { amount } } } }",
                    f -> Map.of("w", WINDOW), "data.metrics.spend")),
            Map.entry("signalAnalysis", Probe.of("""
                    query($input: SignalAnalysisInput!) { signalAnalysis(input: $input) { analysis { candidates } userErrors { code } } }""",
                    f -> Map.of("input", Map.of("window", RoleMatrixTest.EVIDENCE_WINDOW)), "data.signalAnalysis")),
            Map.entry("rejectionInsights", Probe.of("""
                    query($input: RejectionInsightsInput!) { rejectionInsights(input: $input) { insights { handoffs } userErrors { code } } }""",
                    f -> Map.of("input", Map.of("window", RoleMatrixTest.EVIDENCE_WINDOW)), "data.rejectionInsights")),
            Map.entry("criteriaSuggest", Probe.of("""
                    mutation($input: CriteriaSuggestInput!) { criteriaSuggest(input: $input) { version { id } userErrors { code } } }""",
                    f -> Map.of("input", Map.of("modelId", unknown("CriteriaModel"), "analysis", Map.of("window", RoleMatrixTest.EVIDENCE_WINDOW))),
                    "data.criteriaSuggest")),
            // CSV imports (issue 17); the upload endpoint's roles are tested in ImportEndpointTest
            // every role may read an import job; the fixture has none, so an unknown id answers null (not refused)
            Map.entry("importJob", Probe.of("query($id: ID!) { importJob(id: $id) { id state } }",
                    f -> Map.of("id", unknown("ImportJob")), null)),
            Map.entry("importMappings", Probe.of("{ importMappings { name } }", "data.importMappings")),
            Map.entry("importMappingSave", Probe.of("""
                    mutation { importMappingSave(input: {name: "role-matrix", kind: LEADS, columns: [{header: "Name", field: "firstName"}]}) {
                      mapping { name } userErrors { code } } }""", "data.importMappingSave")),
            Map.entry("Lead.dataQuality", Probe.of("query($id: ID!) { lead(id: $id) { id dataQuality { status } } }",
                    f -> Map.of("id", f.leadId()), "data.lead.dataQuality")),
            // backtests: a start on an unknown version (NOT_FOUND, nothing queued); reads of acme's fixture backtest
            Map.entry("criteriaBacktestStart", Probe.of("""
                    mutation($i: CriteriaBacktestStartInput!) { criteriaBacktestStart(input: $i) { backtest { id } userErrors { code } } }""",
                    f -> Map.of("i", Map.of("versionId", unknown("CriteriaVersion"), "from", "2026-01-01T00:00:00Z", "to", "2026-02-01T00:00:00Z")),
                    "data.criteriaBacktestStart")),
            Map.entry("criteriaBacktestCancel", Probe.of("""
                    mutation($b: ID!) { criteriaBacktestCancel(input: {backtestId: $b}) { backtest { id } userErrors { code } } }""",
                    f -> Map.of("b", unknown("CriteriaBacktest")), "data.criteriaBacktestCancel")),
            Map.entry("criteriaBacktest", Probe.of("query($id: ID!) { criteriaBacktest(id: $id) { id state } }",
                    f -> Map.of("id", backtestOf(f)), "data.criteriaBacktest")),
            Map.entry("criteriaPublishPolicy", Probe.of("{ criteriaPublishPolicy { requireBacktest } }", "data.criteriaPublishPolicy")),
            Map.entry("criteriaPublishPolicySet", Probe.of("""
                    mutation { criteriaPublishPolicySet(input: {requireBacktest: false}) { policy { requireBacktest } userErrors { code } } }""",
                    "data.criteriaPublishPolicySet")),
            Map.entry("CriteriaVersion.backtests", Probe.of("query($id: ID!) { criteriaVersion(id: $id) { backtests(first: 1) { totalCount } } }",
                    f -> Map.of("id", f.versionId()), "data.criteriaVersion.backtests")),
            Map.entry("CriteriaVersion.latestBacktest", Probe.of("query($id: ID!) { criteriaVersion(id: $id) { latestBacktest { id } } }",
                    f -> {
                        backtestOf(f);
                        return Map.of("id", f.versionId());
                    }, "data.criteriaVersion.latestBacktest")),
            Map.entry("evidenceSettings", Probe.of("{ evidenceSettings { stalledAfterDays firstCallWindowDays } }", "data.evidenceSettings")),
            // an empty change: answers the settings in force and changes nothing
            Map.entry("evidenceSettingsUpdate", Probe.of("""
                    mutation { evidenceSettingsUpdate(input: {}) { evidenceSettings { stalledAfterDays } userErrors { code } } }""",
                    "data.evidenceSettingsUpdate")),
            Map.entry("firstCallSignalCodes", Probe.of("{ firstCallSignalCodes { code active } }", "data.firstCallSignalCodes")),
            Map.entry("firstCallSignalCodeCreate", Probe.of("""
                    mutation($input: FirstCallSignalCodeCreateInput!) { firstCallSignalCodeCreate(input: $input) { signal { code } userErrors { code } } }""",
                    f -> Map.of("input", Map.of("code", "RM_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase(),
                            "label", "Role matrix probe")), "data.firstCallSignalCodeCreate")),
            Map.entry("firstCallSignalCodeUpdate", Probe.of("""
                    mutation($input: FirstCallSignalCodeUpdateInput!) { firstCallSignalCodeUpdate(input: $input) { signal { code } userErrors { code } } }""",
                    f -> Map.of("input", Map.of("code", "RM_NEVER_CREATED", "label", "Role matrix probe")), "data.firstCallSignalCodeUpdate")),
            Map.entry("predictiveModels", Probe.of("{ predictiveModels(first: 1) { totalCount edges { node { id } } } }",
                    "data.predictiveModels")),
            Map.entry("predictiveModel", Probe.of("query($id: ID!) { predictiveModel(id: $id) { id } }",
                    f -> Map.of("id", io.leadproof.evidence.prediction.AcmeModel.id()), "data.predictiveModel")),
            // a training refused as TRAINING_IN_PROGRESS or queued; either way the role got through
            Map.entry("predictiveModelTrain", Probe.of("""
                    mutation { predictiveModelTrain(input: { note: "role matrix probe" }) { model { id } userErrors { code } } }""",
                    "data.predictiveModelTrain")),
            // null while acme serves no model: the lead resolving without a refusal is the proof
            Map.entry("Lead.prediction", Probe.of("query($id: ID!) { lead(id: $id) { id prediction { probability } } }",
                    f -> Map.of("id", f.leadId()), "data.lead")),
            Map.entry("nodes", Probe.of("query($ids: [String!]!) { nodes(ids: $ids) { id } }",
                    f -> Map.of("ids", List.of(f.leadId(), f.campaignId())), "data.nodes")),
            // a deal of a lead that does not exist: refused per row, nothing lands
            Map.entry("dealsImport", Probe.of("""
                    mutation($input: DealsImportInput!) { dealsImport(input: $input) { handoffs { id } userErrors { code } } }""",
                    f -> Map.of("input", Map.of("deals", List.of(Map.of("externalDealId", "rm-probe", "leadExternalId", "rm-no-such-lead",
                            "handedOffAt", "2026-01-05T00:00:00Z")))), "data.dealsImport")),
            // signal analyses as jobs: a start with a reversed window (WINDOW_REVERSED, nothing queued), a cancel of an unknown
            // job (NOT_FOUND); a read of an unknown job answers null (not refused) for the roles that may read
            Map.entry("signalAnalysisStart", Probe.of("""
                    mutation($input: SignalAnalysisInput!) { signalAnalysisStart(input: $input) { job { id } userErrors { code } } }""",
                    f -> Map.of("input", Map.of("window", Map.of("from", "2026-02-01T00:00:00Z", "to", "2026-01-01T00:00:00Z"))),
                    "data.signalAnalysisStart")),
            Map.entry("signalAnalysisCancel", Probe.of("""
                    mutation($j: ID!) { signalAnalysisCancel(input: {jobId: $j}) { job { id } userErrors { code } } }""",
                    f -> Map.of("j", unknown("SignalAnalysisJob")), "data.signalAnalysisCancel")),
            Map.entry("signalAnalysisJob", Probe.of("query($id: ID!) { signalAnalysisJob(id: $id) { id state } }",
                    f -> Map.of("id", unknown("SignalAnalysisJob")), null)),
            Map.entry("dataQualityReport", Probe.of("""
                    query($w: MetricsWindowInput!) { dataQualityReport(window: $w) { total { leads } } }""",
                    f -> Map.of("w", WINDOW), "data.dataQualityReport")),
            Map.entry("DataQualityIssue.relatedLead", Probe.of(
                    "query($id: ID!) { lead(id: $id) { id dataQuality { issues { code relatedLead { id } } } } }",
                    f -> Map.of("id", f.leadId()), "data.lead.dataQuality")),
            Map.entry("criteriaModelsConnection", Probe.of("{ criteriaModelsConnection(first: 1) { totalCount } }", "data.criteriaModelsConnection")),
            Map.entry("Campaign.costsConnection", Probe.of("query($id: ID!) { campaign(id: $id) { id costsConnection(first: 1) { totalCount } } }",
                    f -> Map.of("id", f.campaignId()), "data.campaign.costsConnection")),
            // a rep reaches the lead of a handoff through the link (Handoff.leadId is deprecated), like lead(id:)
            Map.entry("Handoff.lead", Probe.of("query($id: ID!) { handoff(id: $id) { id lead { id } } }",
                    f -> Map.of("id", f.handoffId()), "data.handoff.lead")),
            Map.entry("Workspace.publishPolicy", Probe.of("{ workspace { id publishPolicy { id requireBacktest } } }",
                    "data.workspace.publishPolicy")),
            // an unknown lead: NOT_FOUND, nothing merged
            Map.entry("leadMerge", Probe.of("""
                    mutation($s: ID!, $m: ID!) { leadMerge(input: { survivorId: $s, mergedId: $m }) { merge { filled } userErrors { code } } }""",
                    f -> Map.of("s", f.leadId(), "m", unknown("Lead")), "data.leadMerge")),
            Map.entry("Lead.mergedInto", Probe.of("query($id: ID!) { lead(id: $id) { id mergedInto { id } } }",
                    f -> Map.of("id", f.leadId()), "data.lead")),
            Map.entry("Lead.mergedFrom", Probe.of("query($id: ID!) { lead(id: $id) { id mergedFrom { id } } }",
                    f -> Map.of("id", f.leadId()), "data.lead")),
            // null for a lead with no accepted handoff: the lead resolving without a refusal is the proof
            Map.entry("Lead.acceptedPrediction", Probe.of("query($id: ID!) { lead(id: $id) { id acceptedPrediction { probability } } }",
                    f -> Map.of("id", f.leadId()), "data.lead")));

    private static volatile String backtest;

    /** A backtest of acme's fixture version against itself over January 2026, started once by ada.admin. */
    static synchronized String backtestOf(Fixture f) {
        if (backtest == null) {
            backtest = Api.as(USER_OF_ROLE.get(Roles.ADMIN)).ok("""
                    mutation($i: CriteriaBacktestStartInput!) { criteriaBacktestStart(input: $i) { backtest { id } } }""",
                    Map.of("i", Map.of("versionId", f.versionId(), "compareWithVersionId", f.versionId(), "from", "2026-01-01T00:00:00Z",
                            "to", "2026-02-01T00:00:00Z"))).getString("data.criteriaBacktestStart.backtest.id");
            assertThat(backtest).as("fixture backtest of acme").isNotNull();
        }
        return backtest;
    }

    private static volatile Fixture fixture;

    static synchronized Fixture fixture() {
        if (fixture == null) {
            Api ada = Api.as(USER_OF_ROLE.get(Roles.ADMIN));
            String currency = ada.ok("{ workspace { id reportingCurrency } }").getString("data.workspace.reportingCurrency");
            String campaignId = ada.ok("""
                    mutation($input: CampaignCreateInput!) { campaignCreate(input: $input) { campaign { id } userErrors { code message } } }""",
                    Map.of("input", Map.of("name", unique("role-matrix-fixture"), "channel", "PAID_SEARCH")))
                    .getString("data.campaignCreate.campaign.id");
            assertThat(campaignId).as("fixture campaign of acme").isNotNull();
            String leadId = ada.ok("""
                    mutation($input: LeadInput!) { leadUpsert(input: $input) { lead { id } userErrors { code message } } }""",
                    Map.of("input", Map.of("email", unique("role-matrix-fixture") + "@probe.contoso.com", "campaignId", campaignId)))
                    .getString("data.leadUpsert.lead.id");
            assertThat(leadId).as("fixture lead of acme").isNotNull();
            fixture = new Fixture(leadId, campaignId, currency, handoffOfAnMql(ada), handoffModel(ada), null);
            fixture = new Fixture(leadId, campaignId, currency, fixture.handoffId(), fixture.modelId(), versionOf(ada, fixture.modelId()));
        }
        return fixture;
    }

    /** A lead that qualifies under acme's default criteria is handed off at once (the workspace hands off automatically). */
    static String handoffOfAnMql(Api ada) {
        String email = unique("role-matrix-mql") + "@probe.contoso.com";
        String lead = ada.ok("""
                mutation($e: String!) { leadUpsert(input: { email: $e, jobTitle: "CFO", budgetStatus: APPROVED }) { lead { id } } }""",
                Map.of("e", email)).getString("data.leadUpsert.lead.id");
        String now = java.time.OffsetDateTime.now().minusMinutes(1).toString();
        ada.ok("mutation($i: ActivitiesRecordInput!) { activitiesRecord(input: $i) { recordedCount } }", Map.of("i", Map.of("activities",
                List.of(Map.of("clientEventId", email + "-1", "leadId", lead, "type", "DEMO_REQUESTED", "funnelStage", "BOFU", "occurredAt", now),
                        Map.of("clientEventId", email + "-2", "leadId", lead, "type", "EBOOK_DOWNLOAD", "funnelStage", "TOFU", "occurredAt", now)))));
        String handoff = ada.ok("query($id: ID!) { lead(id: $id) { handoffs { id } } }", Map.of("id", lead)).getString("data.lead.handoffs[0].id");
        assertThat(handoff).as("fixture handoff of acme (an MQL lead handed off automatically)").isNotNull();
        return handoff;
    }

    static String handoffModel(Api ada) {
        List<Map<String, Object>> models = ada.ok("{ criteriaModels(first: 100) { id drivesHandoffs } }").get("data.criteriaModels");
        assertThat(models).as("acme's criteria models").isNotEmpty();
        return models.stream().filter(m -> Boolean.TRUE.equals(m.get("drivesHandoffs"))).findFirst().orElse(models.getFirst())
                .get("id").toString();
    }

    /** The version the model serves, or else a new draft of it. */
    static String versionOf(Api ada, String modelId) {
        String served = ada.ok("query($id: ID!) { criteriaModel(id: $id) { servedVersionId } }", Map.of("id", modelId))
                .getString("data.criteriaModel.servedVersionId");
        if (served != null) {
            return served;
        }
        String draft = ada.ok("""
                mutation($m: ID!) { criteriaDraftCreate(input: { modelId: $m }) { version { id } userErrors { code message } } }""",
                Map.of("m", modelId)).getString("data.criteriaDraftCreate.version.id");
        assertThat(draft).as("fixture criteria version of acme").isNotNull();
        return draft;
    }

    // ------------------------------------------------------------------ the table

    record Row(String operation, String kind, Map<String, Boolean> allowed, int line) {

        /** For {@code field} rows: the object type; otherwise the root type. */
        String parentType() {
            return switch (kind) {
                case "query" -> "Query";
                case "mutation" -> "Mutation";
                case "subscription" -> "Subscription";
                default -> operation.substring(0, operation.indexOf('.'));
            };
        }

        String fieldName() {
            return operation.substring(operation.indexOf('.') + 1);
        }
    }

    static List<Row> table() {
        List<String> lines;
        try {
            lines = Files.readAllLines(DOC, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot read the role matrix " + DOC.toAbsolutePath() + ": " + e, e);
        }
        int header = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (cells(lines.get(i)).equals(HEADER)) {
                if (header >= 0) {
                    fail(DOC + " has two role matrix tables (lines " + (header + 1) + " and " + (i + 1) + ")");
                }
                header = i;
            }
        }
        if (header < 0) {
            fail(DOC + " has no role matrix: expected a table whose header row is | " + String.join(" | ", HEADER) + " |");
        }
        if (header + 1 >= lines.size() || !cells(lines.get(header + 1)).stream().allMatch(c -> c.matches(":?-{3,}:?"))) {
            fail(DOC + " line " + (header + 2) + ": expected the table's separator row | --- | --- | ...");
        }
        List<Row> rows = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = header + 2; i < lines.size() && lines.get(i).trim().startsWith("|"); i++) {
            int line = i + 1;
            List<String> cells = cells(lines.get(i));
            if (cells.size() != HEADER.size()) {
                fail(DOC + " line " + line + ": expected " + HEADER.size() + " cells but found " + cells.size() + ": " + lines.get(i));
            }
            String operation = cells.get(0).replace("`", "").trim();
            String kind = cells.get(1);
            if (!KINDS.contains(kind)) {
                fail(DOC + " line " + line + ": kind must be one of " + KINDS + " but is '" + kind + "'");
            }
            boolean dotted = operation.matches("[A-Z][A-Za-z0-9_]*\\.[A-Za-z_][A-Za-z0-9_]*");
            if (kind.equals("field") != dotted || !(dotted || operation.matches("[A-Za-z_][A-Za-z0-9_]*"))) {
                fail(DOC + " line " + line + ": '" + operation + "' — a field row names Type.field, an operation row just the operation");
            }
            if (!seen.add(operation)) {
                fail(DOC + " line " + line + ": '" + operation + "' is in the table twice");
            }
            Map<String, Boolean> allowed = new LinkedHashMap<>();
            for (int r = 0; r < ROLES.size(); r++) {
                String cell = cells.get(r + 2);
                if (!cell.equals(ALLOWED) && !cell.equals(DENIED)) {
                    fail(DOC + " line " + line + ": cell for " + ROLES.get(r) + " must be " + ALLOWED + " or " + DENIED + " but is '" + cell + "'");
                }
                allowed.put(ROLES.get(r), cell.equals(ALLOWED));
            }
            rows.add(new Row(operation, kind, allowed, line));
        }
        if (rows.isEmpty()) {
            fail(DOC + ": the role matrix has no rows");
        }
        return rows;
    }

    static List<String> cells(String line) {
        String s = line.trim();
        if (!s.startsWith("|") || !s.endsWith("|") || s.length() < 2) {
            return List.of();
        }
        List<String> cells = new ArrayList<>();
        for (String cell : s.substring(1, s.length() - 1).split("\\|", -1)) {
            cells.add(cell.trim());
        }
        return cells;
    }

    // ------------------------------------------------------------------ the schema

    static Set<String> rootFields(String rootType) {
        String selector = switch (rootType) {
            case "Query" -> "queryType";
            case "Mutation" -> "mutationType";
            default -> "subscriptionType";
        };
        // One __Type.fields per request: graphql-java refuses more as "bad faith introspection".
        var result = Api.as(USER_OF_ROLE.get(Roles.ADMIN)).ok("{ __schema { " + selector + " { fields { name } } } }");
        List<String> names = result.get("data.__schema." + selector + ".fields.name");
        return names == null ? Set.of() : new TreeSet<>(names);
    }

    static Set<String> fieldsOf(String type) {
        var result = Api.as(USER_OF_ROLE.get(Roles.ADMIN)).ok("query($t: String!) { __type(name: $t) { fields { name } } }",
                Map.of("t", type));
        List<String> names = result.get("data.__type.fields.name");
        return names == null ? Set.of() : new TreeSet<>(names);
    }

    @Test
    void the_table_names_exactly_the_operations_the_schema_serves() {
        List<Row> rows = table();
        List<String> problems = new ArrayList<>();
        for (String[] root : new String[][] { { "Query", "query" }, { "Mutation", "mutation" }, { "Subscription", "subscription" } }) {
            Set<String> served = rootFields(root[0]);
            Set<String> listed = new TreeSet<>();
            for (Row row : rows) {
                if (row.kind().equals(root[1])) {
                    listed.add(row.operation());
                }
            }
            for (String name : served) {
                if (!listed.contains(name)) {
                    var other = rows.stream().filter(r -> r.operation().equals(name)).findFirst();
                    problems.add(other.isPresent()
                            ? "'" + name + "' is a " + root[0] + " field but line " + other.get().line() + " of " + DOC + " calls it a " + other.get().kind()
                            : root[0] + "." + name + " is served but missing from the role matrix in " + DOC + ": add a row | " + name + " | " + root[1] + " | ... |");
                }
            }
            for (String name : listed) {
                if (!served.contains(name)) {
                    problems.add(DOC + " lists " + root[1] + " '" + name + "' but the served schema has no " + root[0] + "." + name);
                }
            }
        }
        assertThat(problems).as("role matrix vs. served schema").isEmpty();
    }

    @Test
    void every_field_row_names_a_served_field() {
        List<String> problems = new ArrayList<>();
        for (Row row : table()) {
            if (row.kind().equals("field") && !fieldsOf(row.parentType()).contains(row.fieldName())) {
                problems.add(DOC + " line " + row.line() + " lists field " + row.operation() + " but the schema has no such field");
            }
        }
        assertThat(problems).isEmpty();
    }

    /** {@code @Source} fields whose {@code @RolesAllowed} leaves out a role must be in the table as field rows. */
    @Test
    void every_role_restricted_source_field_is_in_the_table() {
        Set<String> listed = new TreeSet<>();
        table().stream().filter(r -> r.kind().equals("field")).forEach(r -> listed.add(r.operation()));
        Set<Class<?>> apis = new LinkedHashSet<>();
        for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            if (type.isAnnotationPresent(GraphQLApi.class)) {
                apis.add(type);
            }
        }
        assertThat(apis).as("@GraphQLApi beans found by the scan").isNotEmpty();
        List<String> missing = new ArrayList<>();
        int sourceFields = 0;
        for (Class<?> api : apis) {
            for (Method method : api.getDeclaredMethods()) {
                Parameter source = Stream.of(method.getParameters()).filter(p -> p.isAnnotationPresent(Source.class))
                        .findFirst().orElse(null);
                if (source == null) {
                    continue;
                }
                sourceFields++;
                RolesAllowed roles = method.isAnnotationPresent(RolesAllowed.class) ? method.getAnnotation(RolesAllowed.class)
                        : api.getAnnotation(RolesAllowed.class);
                if (roles == null || Set.of(roles.value()).containsAll(ROLES)) {
                    continue;
                }
                String field = typeName(source) + "." + fieldName(method);
                if (!listed.contains(field)) {
                    missing.add(field + " (" + api.getSimpleName() + "." + method.getName() + ", @RolesAllowed "
                            + List.of(roles.value()) + ") is role-restricted but missing from the role matrix in " + DOC
                            + ": add a row | " + field + " | field | ... |");
                }
            }
        }
        assertThat(sourceFields).as("@Source fields found by the scan").isPositive();
        assertThat(missing).isEmpty();
    }

    static String typeName(Parameter source) {
        Type type = source.getParameterizedType();
        Class<?> raw = source.getType();
        if (Collection.class.isAssignableFrom(raw) && type instanceof ParameterizedType p) {
            Type element = p.getActualTypeArguments()[0];
            raw = element instanceof Class<?> c ? c : (Class<?>) ((ParameterizedType) element).getRawType();
        }
        var annotation = raw.getAnnotation(org.eclipse.microprofile.graphql.Type.class);
        return annotation != null && !annotation.value().isBlank() ? annotation.value() : raw.getSimpleName();
    }

    static String fieldName(Method method) {
        Name name = method.getAnnotation(Name.class);
        return name != null && !name.value().isBlank() ? name.value() : method.getName();
    }

    // ------------------------------------------------------------------ the behaviour

    @TestFactory
    Stream<DynamicTest> every_operation_as_every_role() {
        return table().stream().flatMap(row -> ROLES.stream().map(role -> DynamicTest.dynamicTest(
                row.operation() + " as " + role, () -> check(row, role))));
    }

    @TestFactory
    Stream<DynamicTest> every_operation_refuses_callers_without_a_token() {
        return table().stream().map(row -> DynamicTest.dynamicTest(row.operation() + " as anonymous", () -> {
            Probe probe = probe(row);
            Api.Result result = call(row, probe, null);
            assertThat(result.documentErrors()).as("probe document of %s must be valid: %s", row.operation(), result).isEmpty();
            assertThat(result.codes()).as("%s without a token must be refused: %s", row.operation(), result)
                    .containsAnyOf(Api.UNAUTHORIZED, Api.WORKSPACE_ACCESS);
            if (probe.root() != null) {
                assertThat((Object) result.get("data." + probe.root()))
                        .as("%s without a token must return no data: %s", row.operation(), result).isNull();
            }
        }));
    }

    static Probe probe(Row row) {
        Probe probe = PROBES.get(row.operation());
        if (probe == null) {
            fail("add a probe document for " + row.operation() + " to RoleMatrixTest.PROBES");
        }
        return probe;
    }

    static Api.Result call(Row row, Probe probe, String token) {
        Map<String, Object> variables = probe.variables().apply(fixture());
        if (row.kind().equals("subscription")) {
            return Subscriptions.first(token, null, probe.document(), variables);
        }
        return (token == null ? Api.anonymous() : Api.withToken(token)).post(probe.document(), variables);
    }

    static void check(Row row, String role) {
        Probe probe = probe(row);
        String user = USER_OF_ROLE.get(role);
        Api.Result result = call(row, probe, RealTokenClient.token(user));
        String who = row.operation() + " as " + role + " (" + user + ")";
        assertThat(result.documentErrors()).as("probe document of %s must be valid against the schema: %s", row.operation(), result)
                .isEmpty();
        assertThat(result.codes()).as("%s: the token must resolve to workspace acme: %s", who, result)
                .doesNotContain(Api.WORKSPACE_ACCESS);
        if (row.allowed().get(role)) {
            assertThat(result.authorizationErrors()).as("%s is ✓ in %s but was refused: %s", who, DOC, result).isEmpty();
            if (probe.resolves() != null) {
                assertThat((Object) result.get(probe.resolves()))
                        .as("%s is ✓ but %s came back null — the probe did not reach the resolver: %s", who, probe.resolves(), result)
                        .isNotNull();
            }
            return;
        }
        List<Map<String, Object>> denials = result.authorizationErrors().stream()
                .filter(e -> deniedHere(row, Api.Result.path(e)))
                .toList();
        assertThat(denials).as("%s is — in %s but was not refused with extensions.code=forbidden on %s: %s",
                who, DOC, row.operation(), result).isNotEmpty();
        assertThat(denials).allSatisfy(e -> assertThat(Api.Result.extensions(e).get("code"))
                .as("a signed-in user lacking the role gets 'forbidden': %s", result).isEqualTo(Api.FORBIDDEN));
        for (Map<String, Object> denial : denials) {
            assertThat(valueAt(result.get("data"), Api.Result.path(denial)))
                    .as("%s was refused but data came back at %s: %s", who, Api.Result.path(denial), result).isNull();
        }
    }

    /** Whether an error path is the denied operation ({@code [op]}) or the denied field ({@code [..., field]}). */
    static boolean deniedHere(Row row, List<String> path) {
        if (path.isEmpty()) {
            return row.kind().equals("subscription"); // WebSocket closes carry no path
        }
        return row.kind().equals("field") ? path.getLast().equals(row.fieldName()) : path.getFirst().equals(row.operation());
    }

    /** The value at an error path in {@code data}, or null when it (or a parent) is null or missing. */
    static Object valueAt(Object data, List<String> path) {
        Object current = data;
        for (String segment : path) {
            if (current instanceof Map<?, ?> map) {
                current = map.get(segment);
            } else if (current instanceof List<?> list && segment.matches("\\d+") && Integer.parseInt(segment) < list.size()) {
                current = list.get(Integer.parseInt(segment));
            } else {
                return null;
            }
        }
        return current;
    }
}
