package io.leadproof.quality;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneCheckTest {

    private static final PhoneCheck CHECK = new PhoneCheck();

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "+49 30 901820 | DE", "030 901820 | DE", "+49 1512 3456789 | DE", "+44 20 7946 0018 | GB",
            "+91 98765 43210 | IN", "98765 43210 | IN", "+33 6 12 34 56 78 | FR", "+1 212 736 5000 | US",
            "+81 3-1234-5678 | JP", "+49 30 901820 | null"})
    void ringableNumbersOfTheLeadsCountryAreValid(String phone, String country) {
        assertThat(CHECK.check(phone, country)).isEqualTo(QualityReport.VALID);
    }

    @ParameterizedTest(name = "{0} in {1}: {2}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "12345 | DE | PHONE_INVALID", "+49 123 | DE | PHONE_INVALID", "0000000000 | US | PHONE_INVALID",
            "call me | DE | PHONE_INVALID", "030 901820 | null | PHONE_INVALID", "+1 212 000 0000 | US | PHONE_INVALID",
            "+44 20 7946 0018 | DE | PHONE_COUNTRY_MISMATCH", "+91 98765 43210 | US | PHONE_COUNTRY_MISMATCH"})
    void numbersThatCannotRingOrRingElsewhereAreSuspect(String phone, String country, QualityCode code) {
        QualityReport report = CHECK.check(phone, country);
        assertThat(report.issues()).extracting(QualityIssue::code).containsExactly(code);
        assertThat(report.status()).isEqualTo(QualityStatus.SUSPECT);
    }
}
