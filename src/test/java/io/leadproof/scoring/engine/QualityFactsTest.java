package io.leadproof.scoring.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.leadproof.quality.QualityCode;
import io.leadproof.quality.QualityStatus;

/** The verdict as the scoring and cohort reads select it, "STATUS:CODE,CODE", read back into what criteria see. */
class QualityFactsTest {

    @Test
    void a_verdict_without_findings_has_a_status_and_no_codes() {
        assertThat(QualityFacts.parse("VALID:")).isEqualTo(new QualityFacts(QualityStatus.VALID, List.of()));
    }

    @Test
    void the_codes_of_a_verdict_come_back_in_code_order() {
        assertThat(QualityFacts.parse("INVALID:EMAIL_BOUNCED,EMAIL_SYNTAX").codes())
                .containsExactly(QualityCode.EMAIL_SYNTAX, QualityCode.EMAIL_BOUNCED);
    }

    @Test
    void no_verdict_is_not_judged() {
        assertThat(QualityFacts.parse(null)).isNull();
    }
}
