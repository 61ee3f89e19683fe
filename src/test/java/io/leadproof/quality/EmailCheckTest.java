package io.leadproof.quality;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmailCheckTest {

    private static final EmailCheck CHECK = new EmailCheck(DomainLists.bundled());

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "ada.lovelace@siemens.com | siemens.com", "j.doe@mail.acme.com | acme.com", "bob+crm@acme.io | https://www.acme.io/",
            "priya.sharma@infosys.com | null", "o'connor@acme.ie | acme.ie", "li@acme.cn | acme.cn",
            "marketing.lead@sub.acme.com | acme.com", "zoe@acme.berlin | acme.berlin"})
    void realCompanyAddressesAreValid(String email, String companyDomain) {
        assertThat(CHECK.check(email, companyDomain)).isEqualTo(QualityReport.VALID);
    }

    @ParameterizedTest(name = "{0} at {1}: {2}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "ada@mailinator.com | null | EMAIL_DISPOSABLE | INVALID",
            "ada@10minutemail.com | acme.com | EMAIL_DISPOSABLE | INVALID",
            "ada@inbox.guerrillamail.com | null | EMAIL_DISPOSABLE | INVALID",
            "test@test.com | null | EMAIL_TEST_VALUE | INVALID",
            "asdf@acme.com | acme.com | EMAIL_TEST_VALUE | INVALID",
            "jane@example.org | null | EMAIL_TEST_VALUE | INVALID",
            "noemail@acme.com | acme.com | EMAIL_TEST_VALUE | INVALID",
            "info@acme.com | acme.com | EMAIL_ROLE_ACCOUNT | SUSPECT",
            "noreply@acme.com | acme.com | EMAIL_ROLE_ACCOUNT | SUSPECT",
            "Sales+leads@acme.com | acme.com | EMAIL_ROLE_ACCOUNT | SUSPECT",
            "ada@acme.corp | null | EMAIL_SYNTAX | INVALID",
            "ada@@acme.com | null | EMAIL_SYNTAX | INVALID",
            "ada lovelace@acme.com | null | EMAIL_SYNTAX | INVALID",
            "ada@acme | null | EMAIL_SYNTAX | INVALID",
            "ada@globex.com | acme.com | EMAIL_DOMAIN_MISMATCH | SUSPECT",
            "anna.schmidt@gmail.com | acme.com | FREE_MAIL | VALID",
            "kenji@yahoo.co.jp | null | FREE_MAIL | VALID",
            "ravi@rediffmail.com | null | FREE_MAIL | VALID"})
    void badAndDoubtfulAddressesAreNamed(String email, String companyDomain, QualityCode code, QualityStatus status) {
        QualityReport report = CHECK.check(email, companyDomain);
        assertThat(report.issues()).extracting(QualityIssue::code).containsExactly(code);
        assertThat(report.issues()).extracting(QualityIssue::field).containsOnly("email");
        assertThat(report.status()).isEqualTo(status);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"anna@gmail.com, true", "anna@googlemail.com, true", "anna@acme.com, false", "nobody, false"})
    void freeMailIsAFactCriteriaCanUse(String email, boolean free) {
        assertThat(CHECK.isFreeMail(email)).isEqualTo(free);
    }
}
