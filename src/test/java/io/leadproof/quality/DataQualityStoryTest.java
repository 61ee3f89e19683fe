package io.leadproof.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.leadproof.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;

/**
 * Marketing brings leads in through the API and a CSV file; each lead's dataQuality says, the same way whatever the
 * path, what is wrong with its contact data: a disposable address is INVALID, a role account or a keyboard-mash name
 * SUSPECT, a free-mail address a VALID fact, a company address matching the company VALID.
 */
@QuarkusTest
@TestSecurity(user = "mia", roles = "marketing", attributes = @SecurityAttribute(key = "workspaces", value = DataQualityStoryTest.WS, type = AttributeType.STRING_SET))
class DataQualityStoryTest {

    static final String WS = "data-quality-story";
    static final String QUALITY = "dataQuality { status issues { code field message } }";

    static Map<String, Object> upsert(String email, String first, String last, String domain) {
        return GraphQL.ok("mutation($i: LeadInput!) { leadUpsert(input: $i) { lead { email " + QUALITY + " } userErrors { code } } }",
                Map.of("i", Map.of("email", email, "firstName", first, "lastName", last, "companyDomain", domain)))
                .getMap("data.leadUpsert.lead.dataQuality");
    }

    @SuppressWarnings("unchecked")
    static List<String> codes(Map<String, Object> quality) {
        return ((List<Map<String, Object>>) quality.get("issues")).stream().map(i -> i.get("code").toString()).toList();
    }

    @Test
    void every_lead_carries_the_verdict_of_the_checks_on_its_contact_data() {
        var good = upsert("grace.hopper@acme-robotics.com", "Grace", "Hopper", "acme-robotics.com");
        assertThat(good).containsEntry("status", "VALID");
        assertThat(codes(good)).isEmpty();

        var disposable = upsert("grace@mailinator.com", "Grace", "Hopper", "acme-robotics.com");
        assertThat(disposable).containsEntry("status", "INVALID");
        assertThat(codes(disposable)).contains("EMAIL_DISPOSABLE");

        var role = upsert("info@acme-robotics.com", "Ines", "Fischer", "acme-robotics.com");
        assertThat(role).containsEntry("status", "SUSPECT");
        assertThat(codes(role)).containsExactly("EMAIL_ROLE_ACCOUNT");

        var freeMail = upsert("anna.schmidt@gmail.com", "Anna", "Schmidt", "acme-robotics.com");
        assertThat(freeMail).containsEntry("status", "VALID");
        assertThat(codes(freeMail)).containsExactly("FREE_MAIL");

        var mash = upsert("p.novak@acme-robotics.com", "asdf", "qwerty", "acme-robotics.com");
        assertThat(mash).containsEntry("status", "SUSPECT");
    }

    @Test
    void a_lead_imported_from_a_csv_file_gets_the_same_verdict() {
        io.leadproof.imports.ImportsForOtherPackages.saveLeadMapping("quality-basic");
        byte[] file = "E-mail,First Name,Last Name,Domain\r\nbob@mailinator.com,Bob,Builder,builders.com\r\n".getBytes(StandardCharsets.UTF_8);
        io.leadproof.imports.ImportsForOtherPackages.runLeads("quality-basic", file);
        var lead = GraphQL.ok("{ leads(first: 5) { edges { node { email " + QUALITY + " } } } }").getList("data.leads.edges.node", Map.class)
                .stream().filter(l -> "bob@mailinator.com".equals(l.get("email"))).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> quality = (Map<String, Object>) lead.get("dataQuality");
        assertThat(quality).containsEntry("status", "INVALID");
        assertThat(codes(quality)).contains("EMAIL_DISPOSABLE");
    }
}
