package io.leadproof.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The loop that replaced the control-character regex on every text field finds exactly what the regex found. */
class ControlCharacterTest {

    private static final Pattern REGEX = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");

    @Test
    void everyCharOfTheBasicPlaneIsJudgedAsTheRegexJudgesIt() {
        for (int c = 0; c <= 0xFFFF; c++) {
            String text = "ab" + (char) c + "cd";
            assertThat(InputProblems.hasControlCharacter(text)).as("U+%04X", c).isEqualTo(REGEX.matcher(text).find());
        }
    }

    @Test
    void textWithAControlCharacterIsRefusedAndPlainTextIsKept() {
        var problems = new InputProblems("rows", "0");
        assertThat(problems.text(" Ada\nLovelace\t", 100, "lastName")).isEqualTo("Ada\nLovelace");
        assertThat(problems.text("Ada\u0000", 100, "firstName")).isNull();
        assertThat(problems.text("Ada\u007F", 100, "firstName")).isNull();
        assertThat(problems.errors()).extracting(UserError::code)
                .containsExactly(UserErrorCode.INVALID_CHARACTERS, UserErrorCode.INVALID_CHARACTERS);
    }
}
