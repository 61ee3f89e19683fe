package io.leadproof.quality.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.leadproof.support.OwnerSql;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A duplicate key is stored as the first 8 bytes of its SHA-256: the digest the application computes is the one V151
 * converted the stored 32-byte digests to, so keys stored before the migration still meet the keys of new leads.
 */
@QuarkusTest
class DuplicateKeyDigestTest {

    @Test
    void the_application_digest_equals_the_migration_conversion_of_the_full_sha256() {
        for (String key : new String[] { "e:ana@acme.io", "n:acme|s", "d:acme.io|s", "p:+4915112345678", "n:müller gmbh|ö" }) {
            String converted = OwnerSql.strings("select ('x' || encode(substr(sha256(convert_to(?, 'UTF8')), 1, 8), 'hex'))"
                    + "::bit(64)::bigint::text", key).getFirst();
            assertThat(Long.parseLong(converted)).as(key).isEqualTo(QualityWrites.digest(key));
        }
    }

    @Test
    void digests_with_the_high_bit_set_are_negative_numbers_in_both() {
        String key = java.util.stream.IntStream.range(0, 100).mapToObj(i -> "e:" + i + "@x.io")
                .filter(k -> QualityWrites.digest(k) < 0).findFirst().orElseThrow();
        String converted = OwnerSql.strings("select ('x' || encode(substr(sha256(convert_to(?, 'UTF8')), 1, 8), 'hex'))"
                + "::bit(64)::bigint::text", key).getFirst();
        assertThat(Long.parseLong(converted)).isEqualTo(QualityWrites.digest(key)).isNegative();
    }
}
