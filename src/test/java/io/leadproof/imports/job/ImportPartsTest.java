package io.leadproof.imports.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;

import io.leadproof.imports.ActivityRow;
import io.leadproof.imports.DealRow;
import io.leadproof.lead.ActivityType;

/**
 * Activity and deal rows are split among the writers by the lead they touch: a lead's rows stay in one part in file
 * order, rows of different leads spread over the parts, and the parts claim the keys the gate orders them on.
 */
class ImportPartsTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-01-05T10:00:00Z");

    private static ActivityRow activity(String event, String email) {
        return new ActivityRow(event, null, null, email, ActivityType.EMAIL_OPENED, null, null, AT, List.of());
    }

    private static DealRow deal(String dealId, String leadExternalId) {
        return new DealRow(dealId, null, leadExternalId, null, AT, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null);
    }

    private static RowBatch slice(List<?> values) {
        var slice = new RowBatch(null, null);
        for (int i = 0; i < values.size(); i++) {
            slice.values.add(values.get(i));
            slice.rowNumbers.add(i + 2L);
        }
        slice.lastRow = values.size() + 1L;
        return slice;
    }

    @Test
    void a_leads_activities_stay_in_one_part_in_file_order_and_other_leads_spread_over_both() {
        IntFunction<String> lead = i -> "p" + (i % 40) + "@fabrikam.com";
        var rows = new java.util.ArrayList<ActivityRow>();
        for (int i = 0; i < 400; i++) {
            rows.add(activity("E-" + i, i % 3 == 0 ? lead.apply(i).toUpperCase() : lead.apply(i)));
        }
        var parts = ImportParts.split(slice(rows), 1, 2);

        assertThat(parts).hasSize(2).allSatisfy(p -> assertThat(p.values).isNotEmpty());
        for (RowBatch part : parts) {
            assertThat(part.rowNumbers).isSorted();
            for (Object value : part.values) {
                String email = ((ActivityRow) value).leadEmail().toLowerCase();
                assertThat(parts.stream().filter(p -> p.keys.contains("m:" + email))).containsExactly(part);
            }
            assertThat(part.keys).contains("e:E-" + (part.rowNumbers.getFirst() - 2));
        }
        assertThat(parts.get(0).values.size() + parts.get(1).values.size()).isEqualTo(400);
    }

    @Test
    void rows_sharing_a_client_event_id_go_with_the_first_even_when_they_name_another_lead() {
        var parts = ImportParts.split(slice(List.of(activity("E-1", "a@x.com"), activity("E-2", "b@x.com"),
                activity("E-1", "c@x.com"))), 1, 2);
        var first = parts.stream().filter(p -> p.rowNumbers.contains(2L)).findFirst().orElseThrow();
        assertThat(first.rowNumbers).contains(4L);
    }

    @Test
    void a_leads_deals_stay_in_one_part_and_claim_the_lead_and_the_deal() {
        var rows = new java.util.ArrayList<DealRow>();
        for (int i = 0; i < 200; i++) {
            rows.add(deal("D-" + i, "L-" + (i % 25)));
        }
        var parts = ImportParts.split(slice(rows), 1, 2);

        assertThat(parts).allSatisfy(p -> assertThat(p.values).isNotEmpty());
        for (RowBatch part : parts) {
            for (Object value : part.values) {
                var d = (DealRow) value;
                assertThat(part.keys).contains("x:" + d.leadExternalId(), "d:" + d.externalDealId());
                assertThat(ImportParts.partOf(d, 2)).isEqualTo(part.part);
            }
        }
    }

    @Test
    void an_activity_naming_a_lead_by_external_id_claims_the_key_a_lead_row_with_that_id_claims() {
        var byExternalId = new ActivityRow("E-9", null, " L-7 ", null, ActivityType.EMAIL_OPENED, null, null, AT, List.of());
        var leadRow = new io.leadproof.lead.LeadInput("L-7", null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null);
        assertThat(ImportParts.keysOf(byExternalId)).containsExactly("x:L-7", "e:E-9");
        assertThat(ImportParts.keysOf(leadRow)).contains("x:L-7");
    }
}
