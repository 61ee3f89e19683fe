package io.leadproof.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.leadproof.common.AttributeInput;
import io.leadproof.lead.ActivityType;
import io.leadproof.lead.FunnelStage;

/** Marketing's activity log and sales' closed deals come in by CSV too. */
class ActivityAndDealImportTest {

    @Test
    void anActivityLogBecomesActivityRowsWithPropertiesAndRequiredCellsChecked() throws IOException {
        String csv = """
                event,lead,what,stage,asset,when,utm_source,seconds
                e-1,ada@acme.com,Downloaded eBook,tofu,pricing-guide,2024-05-02T10:00:00Z,linkedin,35.5
                e-2,ada@acme.com,Webinar attended,MOFU,,2024-05-03T16:00:00Z,,
                e-3,bob@acme.com,,BOFU,,2024-05-04T09:00:00Z,,
                e-4,bob@acme.com,Fax received,,,not a date,,
                """;
        var mapping = new ColumnMapping("marketing-log", ImportKind.ACTIVITIES, List.of(
                ColumnRule.field("event", "clientEventId"), ColumnRule.field("lead", "leadEmail"),
                ColumnRule.field("what", "type", java.util.Map.of("Downloaded eBook", "EBOOK_DOWNLOAD")),
                ColumnRule.field("stage", "funnelStage"), ColumnRule.field("asset", "contentTag"),
                ColumnRule.field("when", "occurredAt"), ColumnRule.attribute("utm_source", "utmSource", AttributeType.TEXT),
                ColumnRule.attribute("seconds", "watchSeconds", AttributeType.NUMBER)), null, null, null, null);

        List<RowOutcome<ActivityRow>> rows = new ArrayList<>();
        try (var file = CsvImport.activities(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), CsvOptions.defaults(), mapping, 1)) {
            RowOutcome<ActivityRow> row;
            while ((row = file.next()) != null) {
                rows.add(row);
            }
        }

        assertThat(rows.get(0)).isEqualTo(new RowOutcome.Mapped<>(2, new ActivityRow("e-1", null, null, "ada@acme.com",
                ActivityType.EBOOK_DOWNLOAD, FunnelStage.TOFU, "pricing-guide", OffsetDateTime.parse("2024-05-02T10:00:00Z"),
                List.of(new AttributeInput("utmSource", "linkedin"), new AttributeInput("watchSeconds", "35.5")))));
        assertThat(rows.get(1)).isInstanceOfSatisfying(RowOutcome.Mapped.class,
                m -> assertThat(((ActivityRow) m.value()).type()).isEqualTo(ActivityType.WEBINAR_ATTENDED));
        assertThat(rows.get(2)).isEqualTo(new RowOutcome.Rejected<ActivityRow>(4, List.of(
                new ImportError(4, "what", "REQUIRED", "type is required"))));
        assertThat(rows.get(3)).isInstanceOfSatisfying(RowOutcome.Rejected.class, r -> assertThat(r.errors())
                .extracting(e -> ((ImportError) e).code()).containsExactly("INVALID_ENUM", "INVALID_DATE"));
    }

    @Test
    void closedDealsBecomeDealRowsShapedLikeDealsImport() throws IOException {
        String csv = """
                Deal;Lead;Handed off;Accepted;Opportunity;Won;Amount;Lost;Reason
                D-1;L-7;01.06.2024;02.06.2024;03.06.2024;15.06.2024;12.500,00;;
                D-2;L-8;01.06.2024;02.06.2024;03.06.2024;;;20.06.2024;Budget cut
                D-3;L-9;;;;;;;
                """;
        var mapping = new ColumnMapping("crm-deals", ImportKind.DEALS, List.of(
                ColumnRule.field("Deal", "externalDealId"), ColumnRule.field("Lead", "leadExternalId"),
                ColumnRule.field("Handed off", "handedOffAt"), ColumnRule.field("Accepted", "acceptedAt"),
                ColumnRule.field("Opportunity", "opportunityAt"), ColumnRule.field("Won", "wonAt"),
                ColumnRule.field("Amount", "wonAmount"), ColumnRule.field("Lost", "lostAt"),
                ColumnRule.field("Reason", "lostReason")), null, "dd.MM.yyyy", ",", null);
        assertThat(mapping.problems()).isEmpty();

        try (var file = CsvImport.deals(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), CsvOptions.defaults(), mapping, 1)) {
            var june = (java.util.function.IntFunction<OffsetDateTime>) d -> OffsetDateTime.parse("2024-06-%02dT00:00Z".formatted(d));
            assertThat(file.next()).isEqualTo(new RowOutcome.Mapped<>(2, new DealRow("D-1", null, "L-7", null, june.apply(1), null,
                    june.apply(2), null, null, null, june.apply(3), null, june.apply(15), new BigDecimal("12500.00"), null, null,
                    null, null, null)));
            var lost = ((RowOutcome.Mapped<DealRow>) file.next()).value();
            assertThat(lost.lostAt()).isEqualTo(june.apply(20));
            assertThat(lost.lostReason()).isEqualTo("Budget cut");
            var missing = file.next();
            assertThat(missing).isInstanceOf(RowOutcome.Rejected.class);
            assertThat(((RowOutcome.Rejected<DealRow>) missing).errors()).extracting(ImportError::code).containsExactly("REQUIRED");
            assertThat(file.next()).isNull();
        }
    }

    @Test
    void aDealMappingNeedsTheDealIdTheHandoffMomentAndALeadReference() {
        var mapping = new ColumnMapping("thin", ImportKind.DEALS, List.of(ColumnRule.field("Deal", "externalDealId")),
                null, null, null, null);
        assertThat(String.join(" | ", mapping.problems())).contains("handedOffAt").contains("leadEmail");
    }
}
