package io.leadproof.lead;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Seniority from free-text titles; "VP" as a word and "Vice President" win over "President". */
class SeniorityClassifierTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "VP Marketing | VP", "Senior VP, Sales | VP", "Vice President of Engineering | VP", "President | C_LEVEL",
            "vp | VP", "MVP Engineer | INDIVIDUAL_CONTRIBUTOR", "CTO | C_LEVEL", "Head of Sales | VP",
            "Director of Finance | DIRECTOR", "Engineering Manager | MANAGER", "Intern | STUDENT",
            "Engineer | INDIVIDUAL_CONTRIBUTOR", "' ' | UNKNOWN"})
    void classifiesTitles(String title, Seniority expected) {
        assertThat(SeniorityClassifier.classify(title)).isEqualTo(expected);
    }
}
