package io.leadproof.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.leadproof.support.GraphQL;
import io.leadproof.support.Members;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;

/** A rep name or reason code that exists in two workspaces is two rows: changing one never touches the other. */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SameNamesAcrossWorkspacesTest {

    @Test
    @Order(1)
    @TestSecurity(user = "ada", roles = "revops-admin", attributes = @SecurityAttribute(key = "workspaces", value = "names-b", type = AttributeType.STRING_SET))
    void workspace_b_registers_pat() {
        Members.rep("names-b", "pat");
        GraphQL.ok("mutation { salesRepUpsert(input: {userName: \"pat\"}) { rep { available } } }");
        GraphQL.ok("{ rejectionReasons { code } }");
    }

    @Test
    @Order(2)
    @TestSecurity(user = "ada", roles = "revops-admin", attributes = @SecurityAttribute(key = "workspaces", value = "names-a", type = AttributeType.STRING_SET))
    void workspace_a_registers_its_own_pat_and_changes_both_names() {
        Members.rep("names-a", "pat");
        GraphQL.ok("mutation { salesRepUpsert(input: {userName: \"pat\"}) { rep { available } } }");
        var off = GraphQL.ok("mutation { salesRepUpsert(input: {userName: \"pat\", displayName: \"Pat A\", available: false}) { rep { available displayName } } }");
        assertThat(off.getBoolean("data.salesRepUpsert.rep.available")).isFalse();
        var reason = GraphQL.ok("mutation { rejectionReasonUpdate(input: {code: \"NO_BUDGET\", label: \"Budget (A)\", active: false}) { reason { active } userErrors { code } } }");
        assertThat(reason.getBoolean("data.rejectionReasonUpdate.reason.active")).isFalse();
    }

    @Test
    @Order(3)
    @TestSecurity(user = "ada", roles = "revops-admin", attributes = @SecurityAttribute(key = "workspaces", value = "names-b", type = AttributeType.STRING_SET))
    void workspace_b_still_sees_its_pat_and_reason_untouched() {
        var reps = GraphQL.ok("{ salesReps { userName displayName available } }");
        assertThat(reps.getList("data.salesReps.displayName")).containsExactly("pat");
        assertThat(reps.getList("data.salesReps.available")).containsExactly(true);
        var reasons = GraphQL.ok("{ rejectionReasons(includeInactive: true) { code label active } }");
        assertThat(reasons.getString("data.rejectionReasons.find { it.code == 'NO_BUDGET' }.label")).isEqualTo("No budget");
        assertThat(reasons.getBoolean("data.rejectionReasons.find { it.code == 'NO_BUDGET' }.active")).isTrue();
    }
}
