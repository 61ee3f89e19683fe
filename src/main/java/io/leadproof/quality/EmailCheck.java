package io.leadproof.quality;

import java.util.ArrayList;
import java.util.Locale;
import java.util.Set;

import org.apache.commons.validator.routines.EmailValidator;

/**
 * Checks an email address. Pure: the domain lists are handed in (see {@link DomainLists}).
 *
 * <ul>
 * <li>EMAIL_SYNTAX (INVALID): Apache Commons Validator refuses it (local part, domain, known top-level domain);
 *     nothing else is checked then.</li>
 * <li>EMAIL_DISPOSABLE (INVALID): the domain, or a parent of it, is on the disposable list.</li>
 * <li>EMAIL_TEST_VALUE (INVALID): a local part people type to get past a form ({@link #TEST_LOCAL_PARTS}), or a
 *     domain reserved for examples and tests (RFC 2606/6761: example.*, *.test, *.invalid, *.localhost; and test.com).</li>
 * <li>EMAIL_ROLE_ACCOUNT (SUSPECT): a mailbox of a function, not a person ({@link #ROLE_LOCAL_PARTS}; the part
 *     before a + tag counts).</li>
 * <li>FREE_MAIL (fact, stays VALID): the domain is a free-mail provider's.</li>
 * <li>EMAIL_DOMAIN_MISMATCH (SUSPECT): a company address whose domain is neither the lead's company domain nor a
 *     subdomain or parent of it ({@code mail.acme.com} matches {@code acme.com}); not raised for free or disposable
 *     mail.</li>
 * </ul>
 */
public final class EmailCheck {

    static final Set<String> ROLE_LOCAL_PARTS = Set.of("info", "sales", "noreply", "no-reply", "no_reply", "donotreply",
            "do-not-reply", "admin", "administrator", "support", "contact", "hello", "office", "marketing", "webmaster",
            "postmaster", "hostmaster", "abuse", "billing", "accounts", "accounting", "finance", "hr", "jobs", "careers",
            "team", "enquiries", "inquiries", "enquiry", "help", "helpdesk", "mail", "service", "newsletter", "press",
            "media", "security", "privacy", "legal", "orders", "booking", "reception", "kontakt", "vertrieb", "bureau");
    static final Set<String> TEST_LOCAL_PARTS = Set.of("test", "testing", "tester", "test1", "test123", "asdf", "asdfgh",
            "qwerty", "qwertz", "azerty", "foo", "bar", "foobar", "fake", "dummy", "sample", "example", "noemail",
            "nomail", "no-email", "none", "null", "xxx", "aaa", "abc123", "123", "1234", "12345", "a", "x");
    private static final Set<String> TEST_DOMAINS = Set.of("example.com", "example.org", "example.net", "test.com",
            "test.de", "email.test", "domain.com", "mail.test", "company.com");
    private static final Set<String> TEST_TLDS = Set.of("test", "example", "invalid", "localhost", "local");

    private final DomainLists lists;
    private final EmailValidator validator = new DomainMemoValidator();

    public EmailCheck(DomainLists lists) {
        this.lists = lists;
    }

    /** Findings for {@code email} of a lead whose company domain is {@code companyDomain} (may be null). */
    public QualityReport check(String email, String companyDomain) {
        if (email == null || email.isBlank()) {
            return QualityReport.VALID;
        }
        String address = email.strip();
        if (!validator.isValid(address)) {
            return QualityReport.of(java.util.List.of(issue(QualityCode.EMAIL_SYNTAX, "'" + address + "' is not a valid email address")));
        }
        int at = address.lastIndexOf('@');
        String local = address.substring(0, at).toLowerCase(Locale.ROOT);
        String domain = address.substring(at + 1).toLowerCase(Locale.ROOT);
        String mailbox = local.contains("+") ? local.substring(0, local.indexOf('+')) : local;
        var issues = new ArrayList<QualityIssue>();
        boolean disposable = lists.isDisposable(domain);
        if (disposable) {
            issues.add(issue(QualityCode.EMAIL_DISPOSABLE, domain + " is a disposable-mail domain"));
        }
        if (TEST_LOCAL_PARTS.contains(mailbox) || isTestDomain(domain)) {
            issues.add(issue(QualityCode.EMAIL_TEST_VALUE, "'" + address + "' looks like a test value, not a real address"));
        }
        if (ROLE_LOCAL_PARTS.contains(mailbox)) {
            issues.add(issue(QualityCode.EMAIL_ROLE_ACCOUNT, mailbox + "@ is a role mailbox, not a person"));
        }
        if (lists.isFreeMail(domain)) {
            issues.add(issue(QualityCode.FREE_MAIL, domain + " is a free-mail provider"));
        } else if (!disposable && companyDomain != null && !companyDomain.isBlank() && !sameOrganisation(domain, companyDomain)) {
            issues.add(issue(QualityCode.EMAIL_DOMAIN_MISMATCH, "email domain " + domain
                    + " is not the company domain " + bareDomain(companyDomain)));
        }
        return QualityReport.of(issues);
    }

    /** Whether the address is at a free-mail provider: the FIT fact criteria can use. */
    public boolean isFreeMail(String email) {
        int at = email == null ? -1 : email.lastIndexOf('@');
        return at > 0 && lists.isFreeMail(email.substring(at + 1).strip());
    }

    /** "https://www.Acme.com/about" → "acme.com". */
    static String bareDomain(String domain) {
        String d = domain.strip().toLowerCase(Locale.ROOT);
        if (d.startsWith("https://")) {
            d = d.substring(8);
        } else if (d.startsWith("http://")) {
            d = d.substring(7);
        }
        if (d.startsWith("www.")) {
            d = d.substring(4);
        }
        int slash = d.indexOf('/');
        return slash < 0 ? d : d.substring(0, slash);
    }

    static boolean sameOrganisation(String emailDomain, String companyDomain) {
        String company = bareDomain(companyDomain);
        return emailDomain.equals(company) || emailDomain.endsWith("." + company) || company.endsWith("." + emailDomain);
    }

    private static boolean isTestDomain(String domain) {
        return TEST_DOMAINS.contains(domain) || TEST_TLDS.contains(domain.substring(domain.lastIndexOf('.') + 1))
                || domain.startsWith("example.");
    }

    /**
     * Commons Validator with its domain check memoised per domain spelling (the first 50,000): an import repeats a few
     * thousand company domains over a million addresses, and the domain check (IDN conversion, label patterns, TLD
     * lists) was about half of the email check's time. Same answers: the check is a function of the string.
     */
    static final class DomainMemoValidator extends EmailValidator {
        private final transient BoundedMemo<Boolean> domains = new BoundedMemo<>(50_000, super::isValidDomain);

        DomainMemoValidator() {
            super(false, false);
        }

        @Override
        protected boolean isValidDomain(String domain) {
            return domains.apply(domain);
        }
    }

    private static QualityIssue issue(QualityCode code, String message) {
        return new QualityIssue(code, "email", message);
    }
}
