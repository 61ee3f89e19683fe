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
}
