package io.leadproof.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class BounceCheckTest {

    private static final BounceCheck CHECK = new BounceCheck();
    private static final Instant BOUNCED = Instant.parse("2024-03-01T10:00:00Z");

    @Test
    void theEmailIsInvalidFromTheMomentItBouncedOn() {
        assertThat(CHECK.check(BOUNCED, null, BOUNCED.minusSeconds(1)).status()).isEqualTo(QualityStatus.VALID);
        assertThat(CHECK.check(BOUNCED, null, BOUNCED).status()).isEqualTo(QualityStatus.INVALID);
        QualityReport later = CHECK.check(BOUNCED, Instant.parse("2023-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(later.issues()).containsExactly(new QualityIssue(QualityCode.EMAIL_BOUNCED, "email",
                "mail to this address bounced at 2024-03-01T10:00:00Z"));
    }

    @Test
    void aNewAddressSetAfterTheBounceIsNotCondemnedByTheOldOne() {
        assertThat(CHECK.check(BOUNCED, BOUNCED.plusSeconds(3600), Instant.parse("2026-01-01T00:00:00Z")))
                .isEqualTo(QualityReport.VALID);
    }

    @Test
    void aLeadThatNeverBouncedIsValid() {
        assertThat(CHECK.check(null, null, BOUNCED)).isEqualTo(QualityReport.VALID);
    }
}
