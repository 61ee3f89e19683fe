package io.leadproof.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The memo of the import's repeated values: same answers, each input computed once up to the limit, then as before. */
class BoundedMemoTest {

    @Test
    void remembersResultsIncludingNullUpToTheLimit() {
        List<String> computed = new ArrayList<>();
        var memo = new BoundedMemo<String>(2, s -> {
            computed.add(s);
            return s.startsWith("x") ? null : s.toUpperCase();
        });
        assertThat(memo.apply("acme")).isEqualTo("ACME");
        assertThat(memo.apply("xxx")).isNull();
        assertThat(memo.apply("acme")).isEqualTo("ACME");
        assertThat(memo.apply("xxx")).isNull();
        assertThat(computed).containsExactly("acme", "xxx");
        assertThat(memo.apply("globex")).isEqualTo("GLOBEX");   // past the limit: computed every time, not kept
        assertThat(memo.apply("globex")).isEqualTo("GLOBEX");
        assertThat(computed).containsExactly("acme", "xxx", "globex", "globex");
    }

    @Test
    void memoisedNormalisationsAnswerAsTheFunctionsDo() {
        for (String name : List.of("ACME, Inc.", "Acme GmbH", "Société Générale SA", "The Group", "  ", "Ørsted A/S")) {
            assertThat(DuplicateKeys.companyName(name)).as(name).isEqualTo(DuplicateKeys.companyName(name));
        }
        assertThat(DuplicateKeys.companyName("ACME, Inc.")).isEqualTo("acme");
        assertThat(DuplicateKeys.companyName("Acme GmbH")).isEqualTo("acme");
        assertThat(DuplicateKeys.companyName(null)).isNull();
        var names = new NameCheck();
        String reason = KeyboardMash.reason("asdfgh");
        assertThat(reason).isNotNull();
        for (int i = 0; i < 2; i++) {   // judged, then remembered: the same findings, quoting each raw spelling
            assertThat(names.check("Asdfgh", "Lovelace").issues()).extracting(QualityIssue::message)
                    .containsExactly("'Asdfgh' looks like keyboard mash (" + reason + ")");
            assertThat(names.check(" asdfgh ", "Lovelace").issues()).extracting(QualityIssue::message)
                    .containsExactly("'asdfgh' looks like keyboard mash (" + reason + ")");
            assertThat(names.check("Ada", "Lovelace")).isEqualTo(QualityReport.VALID);
        }
    }

    @Test
    void theEmailValidatorWithMemoisedDomainsAnswersAsCommonsValidatorTwice() {
        var plain = org.apache.commons.validator.routines.EmailValidator.getInstance(false, false);
        var memoised = new EmailCheck.DomainMemoValidator();
        List<String> addresses = List.of("ada@acme.com", "ada@ACME.com", "ada@sub.acme.co.uk", "ada@münchen.de",
                "ada@company1.example", "ada@acme", "ada@-acme.com", "ada@acme..com", "ada@localhost", "ada@127.0.0.1",
                "ada@[127.0.0.1]", "ada@acme.c", "ada@xn--mnchen-3ya.de", "a b@acme.com", "ada@acme.com.");
        for (int pass = 0; pass < 2; pass++) {
            for (String address : addresses) {
                assertThat(memoised.isValid(address)).as(address + " pass " + pass).isEqualTo(plain.isValid(address));
            }
        }
        assertThat(addresses.stream().filter(memoised::isValid)).contains("ada@acme.com", "ada@münchen.de")
                .doesNotContain("ada@company1.example", "ada@acme");
    }
}
