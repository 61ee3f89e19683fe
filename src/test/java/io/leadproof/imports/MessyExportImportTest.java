package io.leadproof.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.leadproof.common.AttributeInput;
import io.leadproof.lead.LeadInput;
import io.leadproof.lead.LeadSource;

/** A RevOps analyst imports the CRM export nobody cleaned: the good rows land, the bad ones are reported. */
class MessyExportImportTest {

    @Test
    void theNineHundredNinetyFiveGoodRowsMapAndTheReportListsExactlyTheFiveBadOnes() throws IOException {
        var mapped = new ArrayList<RowOutcome.Mapped<LeadInput>>();
        var report = new StringWriter();
        try (var file = CsvImport.leads(new ByteArrayInputStream(MessyExport.file()), CsvOptions.defaults(), MessyExport.mapping(), 1);
                var errors = new ErrorReportWriter(report)) {
            assertThat(file.format()).isEqualTo(new DetectedFormat(CsvEncoding.UTF_8, true, CsvSeparator.SEMICOLON, true, true));
            RowOutcome<LeadInput> outcome;
            while ((outcome = file.next()) != null) {
                switch (outcome) {
                    case RowOutcome.Mapped<LeadInput> m -> mapped.add(m);
                    case RowOutcome.Rejected<LeadInput> r -> errors.writeAll(r.errors());
                    case RowOutcome.Blank<LeadInput> b -> throw new AssertionError("no blank rows in this file: " + b);
                }
            }
            assertThat(file.lastRowNumber()).isEqualTo(1001);
            assertThat(file.unmappedColumns()).containsExactly("Notes", "Tags");
        }
        assertThat(report.toString()).isEqualTo(MessyExport.EXPECTED_REPORT);
        assertThat(mapped).hasSize(995);
        assertThat(mapped).extracting(RowOutcome::rowNumber).noneMatch(MessyExport::isBad);
    }

    @Test
    void aMappedRowCarriesTypedValuesWithPlaceholdersAsUnknown() throws IOException {
        List<RowOutcome<LeadInput>> rows = readAll(1);
        // data row i = 9 (row 11): first name "Select", country index 9 (empty), revenue present, notes multi-line? no
        LeadInput nine = ((RowOutcome.Mapped<LeadInput>) rows.get(9)).value();
        assertThat(nine.externalId()).isEqualTo("L-9");
        assertThat(nine.firstName()).isNull();
        assertThat(nine.lastName()).isEqualTo("Müller-9");
        assertThat(nine.companyName()).isEqualTo("Company 9; GmbH");
        assertThat(nine.country()).isNull();
        assertThat(nine.annualRevenue().value()).isEqualByComparingTo(new BigDecimal("1234567.9"));
        assertThat(nine.createdAt()).isEqualTo(OffsetDateTime.of(2024, 10, 10, 0, 0, 0, 0,
                ZoneId.of("Europe/Berlin").getRules().getOffset(java.time.LocalDateTime.of(2024, 10, 10, 0, 0))));
        assertThat(nine.customAttributes()).containsExactly(new AttributeInput("newsletter", "false"));

        LeadInput zero = ((RowOutcome.Mapped<LeadInput>) rows.get(0)).value();
        assertThat(zero.source()).as("the mapping's alias Google → PAID_SEARCH").isEqualTo(LeadSource.PAID_SEARCH);
        assertThat(zero.country()).isEqualTo("IN");
        assertThat(zero.employeeCount()).as("empty cell").isNull();
        assertThat(zero.annualRevenue()).as("N/A placeholder").isNull();
        for (int i = 0; i < 20; i++) {
            if (rows.get(i) instanceof RowOutcome.Mapped<LeadInput> m) {
                assertThat(m.value().country()).isEqualTo(MessyExport.EXPECTED_COUNTRIES[i % 10]);
            }
        }
        assertThat(((RowOutcome.Mapped<LeadInput>) rows.get(2)).value().source()).isEqualTo(LeadSource.PAID_SOCIAL);
        assertThat(((RowOutcome.Mapped<LeadInput>) rows.get(4)).value().source()).as("N/A").isNull();
    }

    @Test
    void everyColumnCountsItsValuesEmptiesPlaceholdersAndUnmappedData() throws IOException {
        try (var file = CsvImport.leads(new ByteArrayInputStream(MessyExport.file()), CsvOptions.defaults(), MessyExport.mapping(), 1)) {
            while (file.next() != null) {
                // read to the end
            }
            var byHeader = new java.util.HashMap<String, ColumnReport>();
            file.columnReports().forEach(c -> byHeader.put(c.header(), c));
            // the short row 999 is rejected before mapping: 999 rows counted per column; "Select" in every 9th
            // first name (112 of them); countries cycle through 10 values of which one empty and one "Select",
            // and row 500's "Atlantis" stands where a "Select" would be
            assertThat(byHeader.get("First Name")).isEqualTo(new ColumnReport("First Name", "firstName", 887, 0, 112, 0, 0));
            assertThat(byHeader.get("Country")).isEqualTo(new ColumnReport("Country", "country", 799, 100, 99, 1, 0));
            assertThat(byHeader.get("Tags")).isEqualTo(new ColumnReport("Tags", null, 0, 0, 0, 0, 999));
            assertThat(byHeader.get("Notes").unmappedValues()).isEqualTo(999);
        }
    }

    @Test
    void anImportResumedFromTheMiddleReadsTheRestExactlyOnce() throws IOException {
        List<RowOutcome<LeadInput>> whole = readAll(1);
        var firstPass = new ArrayList<RowOutcome<LeadInput>>();
        try (var file = CsvImport.leads(new ByteArrayInputStream(MessyExport.file()), CsvOptions.defaults(), MessyExport.mapping(), 1)) {
            RowOutcome<LeadInput> outcome;
            while ((outcome = file.next()) != null && outcome.rowNumber() <= 501) {
                firstPass.add(outcome);
            }
        }
        long committed = firstPass.getLast().rowNumber();
        List<RowOutcome<LeadInput>> rest = readAll(committed);

        assertThat(committed).isEqualTo(501);
        assertThat(rest.getFirst().rowNumber()).isEqualTo(502);
        var resumed = new ArrayList<>(firstPass);
        resumed.addAll(rest);
        assertThat(resumed).isEqualTo(whole);
    }

    private static List<RowOutcome<LeadInput>> readAll(long resumeAfterRow) throws IOException {
        var rows = new ArrayList<RowOutcome<LeadInput>>();
        try (var file = CsvImport.leads(new ByteArrayInputStream(MessyExport.file()), CsvOptions.defaults(), MessyExport.mapping(), resumeAfterRow)) {
            RowOutcome<LeadInput> outcome;
            while ((outcome = file.next()) != null) {
                rows.add(outcome);
            }
        }
        return rows;
    }
}
