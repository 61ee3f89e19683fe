package io.leadproof.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The same person three times: found by keys a set-based lookup can use, confirmed by a pure comparison. */
class DuplicatesTest {

    private static final DomainLists LISTS = DomainLists.bundled();
    private static final DuplicateKeys KEYS = new DuplicateKeys(LISTS);
    private static final DuplicateMatcher MATCHER = new DuplicateMatcher(LISTS);

    private static PersonIdentity person(String id, String email, String phone, String first, String last, String company, String domain) {
        return new PersonIdentity(id, email, phone, first, last, company, domain, "DE");
    }

    // Gmail ignores dots and its two domains are one mailbox; every big provider delivers +tags to the mailbox
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"Ada.Lovelace@Gmail.com, adalovelace@gmail.com", "a.d.a+newsletter@googlemail.com, ada@gmail.com",
            "Ada+crm@Acme.com, ada@acme.com", "ada.lovelace@acme.com, ada.lovelace@acme.com"})
    void emailsAreNormalisedAsTheMailboxIsReached(String email, String normalised) {
        assertThat(DuplicateKeys.normalisedEmail(email)).isEqualTo(normalised);
    }

    @Test
    void aLeadsBlockingKeysCoverEmailPhoneAndPersonAtCompany() {
        var ada = person("1", "Ada.Lovelace+x@acme.com", "030 901820", "Ada", "Lovelace", "ACME, Inc.", null);
        assertThat(KEYS.keysOf(ada)).containsExactly("e:ada.lovelace@acme.com", "p:+4930901820", "n:acme|l", "d:acme.com|l");
        var free = person("2", "ada@gmail.com", null, "Ada", "Łovelace", null, null);
        assertThat(KEYS.keysOf(free)).as("no company key from a free-mail domain; accents stripped").containsExactly("e:ada@gmail.com");
        var named = person("3", null, null, "Ada", "Łovelace", "Acme GmbH", "https://www.acme.com/about");
        assertThat(KEYS.keysOf(named)).containsExactly("n:acme|l", "d:acme.com|l");
    }

    @Test
    void candidatesSharingAKeyAreConfirmedOrDismissed() {
        var ada = person("ada", "ada.lovelace@gmail.com", "+49 30 901820", "Ada", "Lovelace", "Acme", "acme.com");
        var sameMailbox = person("2", "adalovelace+crm@googlemail.com", null, "A.", "L.", null, null);
        var samePhone = person("3", "other@acme.com", "030 901820", "Augusta", "King", "Acme", null);
        var typo = person("4", "alovelace@acme.com", null, "Adda", "Lovelance", "ACME Inc", null);
        var initial = person("5", null, null, "A", "Lovelace", null, "acme.com");
        var colleague = person("6", "charles@acme.com", null, "Charles", "Babbage", "Acme", "acme.com");
        var namesake = person("7", "ada@globex.com", null, "Ada", "Lovelace", "Globex", "globex.com");

        assertThat(MATCHER.compare(ada, sameMailbox)).hasValueSatisfying(m -> assertThat(m.reason()).isEqualTo(DuplicateReason.SAME_EMAIL));
        assertThat(MATCHER.compare(ada, samePhone)).hasValueSatisfying(m -> assertThat(m.reason()).isEqualTo(DuplicateReason.SAME_PHONE));
        assertThat(MATCHER.compare(ada, typo)).hasValueSatisfying(m -> {
            assertThat(m.reason()).isEqualTo(DuplicateReason.SAME_PERSON_AT_COMPANY);
            assertThat(m.similarity()).isBetween(0.9, 1.0);
        });
        assertThat(MATCHER.compare(ada, initial)).hasValueSatisfying(m -> assertThat(m.reason()).isEqualTo(DuplicateReason.SAME_PERSON_AT_COMPANY));
        assertThat(MATCHER.compare(ada, colleague)).isEmpty();
        assertThat(MATCHER.compare(ada, namesake)).as("same name, another company").isEmpty();
        assertThat(MATCHER.compare(ada, ada)).as("a lead is not its own duplicate").isEmpty();

        QualityReport report = MATCHER.check(ada, List.of(ada, colleague, typo, sameMailbox));
        assertThat(report.status()).isEqualTo(QualityStatus.SUSPECT);
        assertThat(report.issues()).containsExactly(
                new QualityIssue(QualityCode.DUPLICATE, "lastName", "same person at the same company as lead 4", "4"),
                new QualityIssue(QualityCode.DUPLICATE, "email", "same email as lead 2", "2"));
    }
}
