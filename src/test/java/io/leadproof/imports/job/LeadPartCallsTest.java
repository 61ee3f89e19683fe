package io.leadproof.imports.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.leadproof.lead.LeadService;

/**
 * A part of lead rows is written in as few calls of the batch path as its size allows, of equal size: a part a few rows
 * over the API's cap is one call, not a full call and a call for the rest.
 */
class LeadPartCallsTest {

    private static final int CAP = LeadService.PART_CAP;

    @Test
    void a_part_up_to_the_cap_is_one_call() {
        assertThat(ImportBatchWriter.evenShare(1, CAP)).isEqualTo(1);
        assertThat(ImportBatchWriter.evenShare(LeadService.IMPORT_CAP + 10, CAP)).isEqualTo(LeadService.IMPORT_CAP + 10);
        assertThat(ImportBatchWriter.evenShare(CAP, CAP)).isEqualTo(CAP);
    }

    @Test
    void a_bigger_part_is_cut_into_equal_calls_none_over_the_cap() {
        assertThat(ImportBatchWriter.evenShare(CAP + 1, CAP)).isEqualTo(CAP / 2 + 1);   // two calls, not CAP and 1
        assertThat(ImportBatchWriter.evenShare(3 * CAP, CAP)).isEqualTo(CAP);
        for (int rows = 1; rows <= 5 * CAP; rows += 37) {
            int size = ImportBatchWriter.evenShare(rows, CAP);
            int calls = (rows + size - 1) / size;
            assertThat(size).isLessThanOrEqualTo(CAP);
            assertThat(calls).isEqualTo((rows + CAP - 1) / CAP);
            assertThat(rows - (calls - 1) * size).isGreaterThan(0);   // the last call is not empty
        }
    }

    @Test
    void an_empty_part_makes_no_call_of_zero_rows() {
        assertThat(ImportBatchWriter.evenShare(0, CAP)).isEqualTo(1);
    }
}
