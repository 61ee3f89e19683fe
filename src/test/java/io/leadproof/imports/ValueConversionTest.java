package io.leadproof.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.leadproof.lead.LeadSource;
import io.leadproof.lead.Timeline;

/** How cell text becomes values: the tables are what real exports contain. */
class ValueConversionTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "India | IN", "india | IN", "IN | IN", "in | IN", "IND | IN", "United States | US", "USA | US", "U.S.A. | US",
            "US | US", "United States of America | US", "UK | GB", "United Kingdom | GB", "Great Britain | GB",
            "England | GB", "Deutschland | DE", "Germany | DE", "Allemagne | DE", "Alemania | DE", "Österreich | AT",
            "Schweiz | CH", "Suisse | CH", "España | ES", "Espana | ES", "México | MX", "Brasil | BR", "Italia | IT",
            "The Netherlands | NL", "Holland | NL", "Nederland | NL", "Türkiye | TR", "Turkey | TR",
            "Czech Republic | CZ", "Czechia | CZ", "Côte d'Ivoire | CI", "Ivory Coast | CI", "South Korea | KR",
            "Korea, Republic of | KR", "Russia | RU", "Россия | RU", "日本 | JP", "中国 | CN", "UAE | AE",
            "Viet Nam | VN", "Vietnam | VN", "Hong Kong | HK", "Trinidad & Tobago | TT", "  france  | FR",
            "Atlantis | null", "Select | null", "XX | null", "Europe | null"})
    void countryNamesAndAliasesBecomeIsoCodes(String text, String code) {
        assertThat(Countries.toIsoCode(text)).isEqualTo(code);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {"Paid search | PAID_SEARCH", "paid-search | PAID_SEARCH", "PAID_SEARCH | PAID_SEARCH",
            " organic  social | ORGANIC_SOCIAL", "list purchase | LIST_PURCHASE", "Google | PAID_SEARCH", "GOOGLE | PAID_SEARCH",
            "Word of mouth | REFERRAL"})
    void enumValuesMatchLenientlyAfterTheColumnsAliases(String text, LeadSource expected) {
        var aliases = LenientEnums.aliases(Map.of("google", "paid search", "Word-of-Mouth", "REFERRAL"));
        assertThat(LenientEnums.match(LeadSource.class, text, aliases)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"Within 3 months | WITHIN_3_MONTHS", "within-12-months | WITHIN_12_MONTHS",
            "No plan | NO_PLAN", "Immediate | IMMEDIATE"})
    void timelinesReadAsPeopleWriteThem(String text, Timeline expected) {
        assertThat(LenientEnums.match(Timeline.class, text, Map.of())).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} with decimal separator {1} → {2}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "1234.5 | . | 1234.5", "1,234.50 | . | 1234.50", "1 234 567.8 | . | 1234567.8", "-12 | . | -12", ".5 | . | 0.5",
            "1234,5 | , | 1234.5", "1.234.567,89 | , | 1234567.89", "1'234,5 | , | 1234.5", "12 | , | 12",
            "1,5 | . | null", "1.5 | , | null", "12,34,567 | . | null", "€100 | . | null", "1e5 | . | null", "abc | . | null"})
    void numbersFollowTheDeclaredDecimalSeparatorAndGroupOnlyInThrees(String text, String separator, String expected) {
        var values = new Values(new ColumnMapping("m", ImportKind.LEADS, List.of(), null, null, separator, null));
        BigDecimal parsed = values.decimal(text);
        if (expected == null) {
            assertThat(parsed).isNull();
        } else {
            assertThat(parsed).isEqualByComparingTo(expected);
        }
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "2024-03-31 | 2024-03-31T00:00+01:00", "2024-03-31T14:05:00Z | 2024-03-31T14:05Z",
            "2024-03-31T14:05:00+05:30 | 2024-03-31T14:05+05:30", "2024-03-31 14:05:00 | 2024-03-31T14:05+02:00",
            "2024-01-15T09:00 | 2024-01-15T09:00+01:00", "31/03/2024 | 2024-03-31T00:00+01:00",
            "31/03/2024 14:05 | 2024-03-31T14:05+02:00", "30/02/2024 | null", "2024-02-30 | null", "03/31/2024 | null",
            "yesterday | null"})
    // Berlin moves to summer time at 02:00 on 2024-03-31: midnight is still +01:00
    void datesAreIso8601OrTheDeclaredPatternInTheMappingsZone(String text, String expected) {
        var values = new Values(new ColumnMapping("m", ImportKind.LEADS, List.of(), null, "dd/MM/yyyy[ HH:mm]", null, "Europe/Berlin"));
        OffsetDateTime parsed = values.timestamp(text);
        assertThat(parsed == null ? null : parsed.toString()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {"yes | true", "Y | true", "TRUE | true", "1 | true", "x | true",
            "no | false", "N | false", "0 | false", "False | false", "maybe | null", "ja | null"})
    void booleans(String text, Boolean expected) {
        assertThat(Values.bool(text)).isEqualTo(expected);
    }
}
