package io.leadproof.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.leadproof.common.NodeId;
import io.leadproof.security.WorkspaceScope;
import io.leadproof.support.Concurrently;
import io.leadproof.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;

/** Two admins publish two drafts of one model at the same moment: afterwards exactly one version is ACTIVE. */
@QuarkusTest
@TestSecurity(user = "ada", roles = "revops-admin",
        attributes = @SecurityAttribute(key = "workspaces", value = "publish-race", type = AttributeType.STRING_SET))
class ConcurrentPublishTest {

    static final String WS = "publish-race";

    @Inject
    CriteriaService criteria;
    @Inject
    WorkspaceScope scope;

    @Test
    void two_publishes_at_once_leave_exactly_one_active_version() throws Exception {
        String model = GraphQL.ok("{ criteriaModels { id } }").getString("data.criteriaModels[0].id");
        String[] drafts = new String[2];
        for (int i = 0; i < 2; i++) {
            drafts[i] = GraphQL.ok("mutation($m: ID!) { criteriaDraftCreate(input: {modelId: $m}) { version { id } } }", Map.of("m", model))
                    .getString("data.criteriaDraftCreate.version.id");
            GraphQL.ok("mutation($v: ID!) { criteriaThresholdsSet(input: {versionId: $v, mql: 40}) { version { id } } }", Map.of("v", drafts[i]));
        }
        var results = Concurrently.run(
                () -> scope.call(WS, () -> criteria.publish(NodeId.parse("CriteriaVersion", drafts[0]))),
                () -> scope.call(WS, () -> criteria.publish(NodeId.parse("CriteriaVersion", drafts[1]))));
        assertThat(results).allSatisfy(r -> assertThat(r.userErrors()).isEmpty());

        var versions = scope.call(WS, () -> criteria.versionsOf(java.util.List.of(NodeId.parse("CriteriaModel", model))));
        assertThat(versions.stream().filter(v -> v.status() == VersionStatus.ACTIVE)).hasSize(1);
        assertThat(versions.stream().filter(v -> v.status() == VersionStatus.RETIRED)).hasSize(2); // the default and the loser
        var again = Concurrently.run(
                () -> scope.call(WS, () -> criteria.publish(NodeId.parse("CriteriaVersion", drafts[0]))),
                () -> scope.call(WS, () -> criteria.publish(NodeId.parse("CriteriaVersion", drafts[0]))));
        assertThat(again).allSatisfy(r -> assertThat(r.userErrors()).extracting(e -> e.code().name()).containsExactly("NOT_A_DRAFT"));
    }
}
