package io.leadproof.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A lead's dataQuality: every check at once, and the worst finding decides the status. */
class LeadQualityChecksTest {

    private static final LeadQualityChecks CHECKS = new LeadQualityChecks(DomainLists.bundled());
    private static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");

    @Test
    void aCleanB2bLeadIsValid() {
        var lead = new PersonIdentity("1", "ada.lovelace@acme.com", "+49 30 901820", "Ada", "Lovelace", "Acme", "acme.com", "DE");
        assertThat(CHECKS.assess(LeadQualityInput.fieldsOnly(lead, NOW))).isEqualTo(QualityReport.VALID);
    }

    @Test
    void aFreeMailLeadIsValidWithTheFactRecorded() {
        var lead = new PersonIdentity("1", "ada.lovelace@gmail.com", null, "Ada", "Lovelace", null, null, "GB");
        QualityReport report = CHECKS.assess(LeadQualityInput.fieldsOnly(lead, NOW));
        assertThat(report.status()).isEqualTo(QualityStatus.VALID);
        assertThat(report.has(QualityCode.FREE_MAIL)).isTrue();
    }

    @Test
    void suspectFindingsAddUpButStaySuspect() {
        var lead = new PersonIdentity("1", "info@acme.com", "+44 20 7946 0018", "asdf", "Lovelace", "Acme", "acme.com", "DE");
        QualityReport report = CHECKS.assess(LeadQualityInput.fieldsOnly(lead, NOW));
        assertThat(report.issues()).extracting(QualityIssue::code).containsExactly(
                QualityCode.EMAIL_ROLE_ACCOUNT, QualityCode.PHONE_COUNTRY_MISMATCH, QualityCode.NAME_PLACEHOLDER);
        assertThat(report.status()).isEqualTo(QualityStatus.SUSPECT);
    }

    @Test
    void oneInvalidFindingMakesTheLeadInvalid() {
        var lead = new PersonIdentity("1", "ada.lovelace@acme.com", null, "Ada", "Lovelace", "Acme", "acme.com", "DE");
        var twin = new PersonIdentity("2", "ada.lovelace+old@acme.com", null, "Ada", "Lovelace", "Acme", null, "DE");
        var bots = CHECKS_BOTS.check(List.of(new ActivitySignal("a", NOW, java.util.Map.of("honeypot", "x")))).report();

        QualityReport report = CHECKS.assess(new LeadQualityInput(lead, NOW.minusSeconds(60), null, List.of(twin), bots, NOW));

        assertThat(report.issues()).extracting(QualityIssue::code)
                .containsExactly(QualityCode.EMAIL_BOUNCED, QualityCode.DUPLICATE, QualityCode.BOT_ACTIVITY);
        assertThat(report.status()).isEqualTo(QualityStatus.INVALID);
    }

    @Test
    void aReportsStatusAlwaysFollowsItsIssues() {
        var issue = new QualityIssue(QualityCode.EMAIL_DISPOSABLE, "email", "x");
        assertThatThrownBy(() -> new QualityReport(QualityStatus.SUSPECT, List.of(issue))).isInstanceOf(IllegalArgumentException.class);
        assertThat(CHECKS.duplicateKeys().keysOf(new PersonIdentity("1", "a@b.de", null, null, null, null, null, null)))
                .containsExactly("e:a@b.de");
    }

    private static final BotCheck CHECKS_BOTS = new BotCheck(BotRules.defaults());
}
