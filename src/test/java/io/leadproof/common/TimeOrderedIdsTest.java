package io.leadproof.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Lead ids of version 7: the millisecond first, so later ids sort after earlier ones in PostgreSQL's uuid order. */
class TimeOrderedIdsTest {

    @Test
    void an_id_carries_its_millisecond_version_7_and_the_rfc_variant() {
        long at = 1_796_000_000_123L;
        UUID id = TimeOrderedIds.at(at);
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(at);
        assertThat(id.toString()).startsWith(String.format("%08x-%04x-7", at >>> 16, at & 0xFFFF));
    }

    @Test
    void ids_of_a_later_millisecond_sort_after_as_unsigned_bytes_and_ids_of_one_millisecond_differ() {
        UUID earlier = TimeOrderedIds.at(1_000L);
        UUID later = TimeOrderedIds.at(1_001L);
        // PostgreSQL compares uuids as unsigned bytes, which is their text order
        assertThat(later.toString()).isGreaterThan(earlier.toString());
        var many = new HashSet<UUID>();
        for (int i = 0; i < 10_000; i++) {
            many.add(TimeOrderedIds.at(5_000L));
        }
        assertThat(many).as("74 random bits an id").hasSize(10_000);
        assertThat(TimeOrderedIds.next().getMostSignificantBits() >>> 16).isCloseTo(System.currentTimeMillis(),
                org.assertj.core.data.Offset.offset(5_000L));
    }
}
