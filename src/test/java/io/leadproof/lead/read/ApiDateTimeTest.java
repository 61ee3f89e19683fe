package io.leadproof.lead.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@code api_datetime} (R__api_read_json.sql) writes a DateTime as the API writes an OffsetDateTime in UTC: seconds
 * always, the fraction without trailing zeros and only when it is not zero — including the fractions and seconds made
 * of zeros that trimming could eat.
 */
@QuarkusTest
class ApiDateTimeTest {

    @jakarta.inject.Inject
    AgroalDataSource ds;

    @Test
    void renders_like_the_api_for_whole_seconds_trailing_zeros_and_full_microseconds() throws SQLException {
        var instants = List.of("2026-12-04T10:15:21.071441Z", "2026-12-04T10:15:20Z", "2026-12-04T10:00:00Z", "2026-01-01T00:00:10.5Z",
                "2026-01-01T00:00:00.000100Z", "2026-01-01T00:00:00.100Z", "1999-12-31T23:59:59.999999Z", "2026-06-30T12:00:00.000001+02:00");
        try (var c = ds.getConnection(); var ps = c.prepareStatement("select api_datetime(?)")) {
            for (String text : instants) {
                var t = OffsetDateTime.parse(text);
                ps.setObject(1, t);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(rs.getString(1)).as(text)
                            .isEqualTo(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.withOffsetSameInstant(ZoneOffset.UTC)));
                }
            }
        }
    }
}
