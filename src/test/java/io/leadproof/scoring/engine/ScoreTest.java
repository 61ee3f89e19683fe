package io.leadproof.scoring.engine;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.leadproof.scoring.engine.Fixtures.AS_OF;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScoreTest {
    private final Contribution fit = new Contribution("f", "F", RuleKind.FIT, 10, "e");
    private final Contribution engaged = new Contribution("e", "E", RuleKind.ENGAGEMENT, -3, "e");
    private final Contribution knockout = new Contribution("k", "K", RuleKind.KNOCK_OUT, 0, "e");

    @Test
    void aConsistentScoreIsAccepted() {
        assertThatCode(() -> new Score(7, 10, -3, false, List.of("k"), List.of(fit, engaged, knockout), "v", AS_OF))
                .doesNotThrowAnyException();
    }

    @Test
    void totalsMustEqualTheSumOfContributions() {
        assertThatThrownBy(() -> new Score(8, 10, -3, true, List.of(), List.of(fit, engaged), "v", AS_OF))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Score(7, 7, 0, true, List.of(), List.of(fit, engaged), "v", AS_OF))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aKnockedOutScoreIsNeverQualifiedAndNamesItsKnockOutContribution() {
        assertThatThrownBy(() -> new Score(0, 0, 0, true, List.of("k"), List.of(knockout), "v", AS_OF))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Score(0, 0, 0, false, List.of("other"), List.of(knockout), "v", AS_OF))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Contribution("k", "K", RuleKind.KNOCK_OUT, 5, "e"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
