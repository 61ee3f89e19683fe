package io.leadproof.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** A mapping is saved per workspace and reused: it must survive JSON and say clearly what is wrong with it. */
class ColumnMappingTest {

    @Test
    void aMappingSurvivesARoundTripThroughJson() throws Exception {
        var json = new ObjectMapper();
        ColumnMapping mapping = MessyExport.mapping();

        String saved = json.writeValueAsString(mapping);
        assertThat(json.readValue(saved, ColumnMapping.class)).isEqualTo(mapping);
        assertThat(saved).contains("\"header\":\"Lead Source\"", "\"values\":{\"Google\":\"PAID_SEARCH\"}");
    }

    @Test
    void everyMistakeInAMappingIsNamed() {
        var mapping = new ColumnMapping(" ", ImportKind.LEADS, List.of(
                ColumnRule.field("Mail", "emailAddress"),
                ColumnRule.field("mail ", "email"),
                new ColumnRule("Both", "email", "x", null, null),
                ColumnRule.attribute("Score", "1score", AttributeType.NUMBER)),
                List.of(), "dd/MM/yyyy {", ";", "Mars/Olympus");

        List<String> problems = mapping.problems();
        assertThat(problems.get(6)).startsWith("datePattern: not a date pattern (");
        assertThat(problems).filteredOn(p -> !p.startsWith("datePattern")).containsExactly(
                "name: 1 to 100 characters",
                "columns[0].field: 'emailAddress' is not a field of LEADS; fields: [externalId, email, firstName, "
                        + "lastName, phone, companyName, companyDomain, annualRevenue, employeeCount, industry, jobTitle, "
                        + "country, source, campaignId, budgetStatus, budgetAmount, authority, need, timeline, ownerId, createdAt]",
                "columns[1].header: 'mail ' is mapped twice",
                "columns[2]: set exactly one of field and attribute",
                "columns[3].attribute: '1score' must match [A-Za-z][A-Za-z0-9_]{0,63}",
                "decimalSeparator: \".\" or \",\"",
                "timeZone: not a time zone id such as Europe/Berlin");
    }

    @Test
    void eachKindNeedsItsColumns() {
        var noIdentity = new ColumnMapping("m", ImportKind.LEADS, List.of(ColumnRule.field("Name", "firstName")), null, null, null, null);
        var activity = new ColumnMapping("m", ImportKind.ACTIVITIES, List.of(ColumnRule.field("Id", "clientEventId")), null, null, null, null);

        assertThat(noIdentity.problems()).containsExactly("columns: map one of [externalId, email]");
        assertThat(activity.problems()).containsExactly("columns: map type", "columns: map occurredAt",
                "columns: map one of [leadId, leadExternalId, leadEmail]");
        var deal = new ColumnMapping("m", ImportKind.DEALS, List.of(ColumnRule.field("Id", "externalDealId"), ColumnRule.field("Name", "opportunityName"),
                ColumnRule.field("Handed off", "handedOffAt"), ColumnRule.field("Lead", "leadEmail"),
                ColumnRule.attribute("Region", "region", AttributeType.TEXT)), null, null, null, null);
        assertThat(deal.problems()).containsExactly("columns[4].attribute: deals have no custom attributes");
    }

    @Test
    void aMappingThatDoesNotFitTheFileStopsBeforeAnyRow() {
        byte[] file = "Email;email;Name\r\na@acme.com;b@acme.com;Ada\r\n".getBytes(StandardCharsets.UTF_8);
        var missing = new ColumnMapping("m", ImportKind.LEADS, List.of(ColumnRule.field("E-mail address", "email")), null, null, null, null);
        var ambiguous = new ColumnMapping("m", ImportKind.LEADS, List.of(ColumnRule.field("EMAIL", "email")), null, null, null, null);
        var activities = new ColumnMapping("m", ImportKind.ACTIVITIES, List.of(), null, null, null, null);

        assertThatThrownBy(() -> CsvImport.leads(new ByteArrayInputStream(file), CsvOptions.defaults(), missing, 1))
                .isInstanceOfSatisfying(ImportFileException.class, e -> {
                    assertThat(e.code()).isEqualTo(ImportErrorCode.COLUMN_NOT_FOUND);
                    assertThat(e.getMessage()).isEqualTo("the mapping 'm' maps column 'E-mail address' but the file has "
                            + "no such column; columns: [Email, email, Name]");
                });
        assertThatThrownBy(() -> CsvImport.leads(new ByteArrayInputStream(file), CsvOptions.defaults(), ambiguous, 1))
                .isInstanceOfSatisfying(ImportFileException.class, e -> assertThat(e.code()).isEqualTo(ImportErrorCode.DUPLICATE_COLUMN));
        assertThatThrownBy(() -> CsvImport.leads(new ByteArrayInputStream(file), CsvOptions.defaults(), activities, 1))
                .isInstanceOfSatisfying(ImportFileException.class, e -> {
                    assertThat(e.code()).isEqualTo(ImportErrorCode.INVALID_MAPPING);
                    assertThat(e.getMessage()).isEqualTo("mapping 'm' is for ACTIVITIES, not LEADS");
                });
    }

    @Test
    void anApiValidationErrorIsTracedBackToItsColumn() {
        ColumnMapping mapping = MessyExport.mapping();
        assertThat(mapping.headerFor("email")).isEqualTo("e-mail");
        assertThat(mapping.headerFor("phone")).isNull();
        assertThat(mapping.ruleFor("source").values()).isEqualTo(Map.of("Google", "PAID_SEARCH"));
    }
}
