package io.leadproof.quality;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Real names from many cultures pass; what people type to get past a form does not. */
class NameCheckTest {

    private static final NameCheck CHECK = new NameCheck();

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "Wei | Li", "Mei | Ng", "Ji-woo | O", "Min | Wu", "Hao | Xu", "Jae | Oh", "Thi | Lê", "Văn | Nguyễn",
            "Ngozi | Okonjo-Iweala", "Nnamdi | Azikiwe", "Chukwuemeka | Nwosu", "Oluwaseun | Adeyemi", "Thabo | Mkhize",
            "Siobhán | Ní Bhriain", "Aoife | O'Sullivan", "Tadhg | MacCarthy", "Dafydd | Llwyd", "Gwyn | Jones",
            "Søren | Kierkegaard", "Bjørn | Ødegaard", "Åsa | Lindqvist", "Zoë | D'Angelo", "José María | de la Cruz",
            "Jean-Luc | Picard", "Krzysztof | Szczygieł", "Wojciech | Chrząszcz", "Jiří | Vlk", "Petr | Strnad",
            "Aarav | Venkataraghavan", "Priya | Bhattacharya", "Aaliyah | Al-Hassan", "Mohammed | Abdelrahman",
            "Xochitl | Tlaloc", "Kealoha | Kahananui", "Ichirō | Takahashi", "Sung-min | Yoon", "Anna | Lee",
            "Lulu | Mimi", "Gigi | Hadid", "Stuart | Werther", "Heinz | Wertheimer", "Jacques | Poiret", "Nick | Trew",
            "Llewellyn | Aaronson", "Aaron | Schtscherbakow", "Иван | Петров", "Мария | Щербакова", "伟 | 王",
            "민준 | 김", "محمد | علي", "अर्जुन | शर्मा", "Defne | Yıldız", "Ştefan | Ţiriac", "Zdeněk | Brzobohatý",
            "Ede | U", "Hanna | E", "null | Ng", "Li | null"})
    void realNamesAreNotFlagged(String first, String last) {
        assertThat(CHECK.check(first, last)).isEqualTo(QualityReport.VALID);
    }

    @ParameterizedTest(name = "{0} {1}: {2} on {3}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "test | Müller | NAME_PLACEHOLDER | firstName", "Anna | asdf | NAME_PLACEHOLDER | lastName",
            "xxx | Smith | NAME_PLACEHOLDER | firstName", "N/A | Smith | NAME_PLACEHOLDER | firstName",
            "J | Smith | NAME_PLACEHOLDER | firstName", "J. | Smith | NAME_PLACEHOLDER | firstName",
            "First Name | Last Name | NAME_PLACEHOLDER | firstName", "John | Doe | NAME_PLACEHOLDER | firstName",
            "Max | Mustermann | NAME_PLACEHOLDER | firstName", "Unknown | Smith | NAME_PLACEHOLDER | firstName",
            "Anna | Select | NAME_PLACEHOLDER | lastName",
            "qwertz | Meyer | NAME_MASH | firstName", "Anna | sdfghj | NAME_MASH | lastName",
            "Asdfjkl | Meyer | NAME_MASH | firstName", "Anna | hjkl | NAME_MASH | lastName",
            "Aaaaa | Meyer | NAME_MASH | firstName", "Anna | Zzzz | NAME_MASH | lastName",
            "jkjkjk | Meyer | NAME_MASH | firstName", "Anna | dfgdfg | NAME_MASH | lastName",
            "Anna | xcvbnm | NAME_MASH | lastName", "Anna | Bcdfgh | NAME_MASH | lastName",
            "John2 | Smith | NAME_MASH | firstName", "Anna | poiuyt | NAME_MASH | lastName",
            "фыва | Петров | NAME_MASH | firstName", "Anna | Mnbvc | NAME_MASH | lastName"})
    void placeholdersAndKeyboardMashAreSuspect(String first, String last, QualityCode code, String field) {
        QualityReport report = CHECK.check(first, last);
        assertThat(report.issues()).extracting(QualityIssue::code).containsExactly(code);
        assertThat(report.issues()).extracting(QualityIssue::field).containsExactly(field);
        assertThat(report.status()).isEqualTo(QualityStatus.SUSPECT);
    }
}
