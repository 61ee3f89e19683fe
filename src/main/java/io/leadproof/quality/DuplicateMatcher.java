package io.leadproof.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Decides whether a candidate found by {@link DuplicateKeys} is the same person. In order:
 * <ol>
 * <li>SAME_EMAIL: equal normalised emails ({@link DuplicateKeys#normalisedEmail}).</li>
 * <li>SAME_PHONE: equal phones in E.164. A company switchboard shared by colleagues matches too: the issue names
 *     the other lead so that a person decides.</li>
 * <li>SAME_PERSON_AT_COMPANY: the same company (equal normalised name or equal web domain) and similar names: last
 *     names with Jaro-Winkler similarity ≥ {@value #LAST_NAME_THRESHOLD} (accents, case and punctuation ignored),
 *     and first names equal, one the initial of the other, or similar ≥ {@value #FIRST_NAME_THRESHOLD}
 *     ("Jon"/"John", "Katharina"/"Katarina"). Without both last names there is no such match.</li>
 * </ol>
 */
public final class DuplicateMatcher {

    static final double LAST_NAME_THRESHOLD = 0.9;
    static final double FIRST_NAME_THRESHOLD = 0.85;
    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    private final DuplicateKeys keys;

    public DuplicateMatcher(DomainLists lists) {
        this.keys = new DuplicateKeys(lists);
    }

    public Optional<DuplicateMatch> compare(PersonIdentity lead, PersonIdentity other) {
        return compare(prepare(lead), other);
    }

    /** DUPLICATE issues of {@code lead} against the candidates the key lookup found. */
    public QualityReport check(PersonIdentity lead, List<PersonIdentity> candidates) {
        var issues = new ArrayList<QualityIssue>();
        Compared self = prepare(lead);   // once, not once per candidate
        for (PersonIdentity other : candidates) {
            compare(self, other).ifPresent(m -> issues.add(new QualityIssue(QualityCode.DUPLICATE, field(m.reason()),
                    switch (m.reason()) {
                        case SAME_EMAIL -> "same email as lead " + m.otherLeadId();
                        case SAME_PHONE -> "same phone as lead " + m.otherLeadId();
                        case SAME_PERSON_AT_COMPANY -> "same person at the same company as lead " + m.otherLeadId();
                    }, m.otherLeadId())));
        }
        return QualityReport.of(issues);
    }

    /**
     * What the rules above compare of the lead, normalised once: a bulk write compares each new lead with every stored
     * lead of its company and last-name initial. A candidate's values are normalised as the rules reach them (most
     * candidates are colleagues: their domain and first name are never needed).
     */
    private record Compared(String leadId, String email, String phone, String companyName, String companyDomain,
            String firstName, String lastName) {
    }

    private Compared prepare(PersonIdentity p) {
        return new Compared(p.leadId(), DuplicateKeys.normalisedEmail(p.email()), DuplicateKeys.e164(p.phone(), p.country()),
                DuplicateKeys.companyName(p.companyName()), keys.companyDomain(p), DuplicateKeys.plain(p.firstName()),
                DuplicateKeys.plain(p.lastName()));
    }

    private Optional<DuplicateMatch> compare(Compared lead, PersonIdentity other) {
        if (Objects.equals(lead.leadId(), other.leadId())) {
            return Optional.empty();
        }
        if (lead.email() != null && lead.email().equals(DuplicateKeys.normalisedEmail(other.email()))) {
            return match(lead, other, DuplicateReason.SAME_EMAIL);
        }
        if (lead.phone() != null && lead.phone().equals(DuplicateKeys.e164(other.phone(), other.country()))) {
            return match(lead, other, DuplicateReason.SAME_PHONE);
        }
        if (sameCompany(lead, other) && similarNames(lead, other)) {
            return match(lead, other, DuplicateReason.SAME_PERSON_AT_COMPANY);
        }
        return Optional.empty();
    }

    // the names' similarity only for a match: most candidates of a block are other people
    private static Optional<DuplicateMatch> match(Compared lead, PersonIdentity other, DuplicateReason reason) {
        String otherName = fullName(DuplicateKeys.plain(other.firstName()), DuplicateKeys.plain(other.lastName()));
        return Optional.of(new DuplicateMatch(other.leadId(), reason,
                similarity(fullName(lead.firstName(), lead.lastName()), otherName)));
    }

    private boolean sameCompany(Compared a, PersonIdentity b) {
        return a.companyName() != null && a.companyName().equals(DuplicateKeys.companyName(b.companyName()))
                || a.companyDomain() != null && a.companyDomain().equals(keys.companyDomain(b));
    }

    private static boolean similarNames(Compared a, PersonIdentity b) {
        String lastB = DuplicateKeys.plain(b.lastName());
        if (a.lastName() == null || lastB == null || similarity(a.lastName(), lastB) < LAST_NAME_THRESHOLD) {
            return false;
        }
        String firstA = a.firstName();
        String firstB = DuplicateKeys.plain(b.firstName());
        if (firstA == null || firstB == null) {
            return Objects.equals(firstA, firstB);
        }
        boolean initial = (firstA.length() == 1 || firstB.length() == 1) && firstA.charAt(0) == firstB.charAt(0);
        return initial || similarity(firstA, firstB) >= FIRST_NAME_THRESHOLD;
    }

    private static String fullName(String first, String last) {
        return (first == null ? "" : first) + " " + (last == null ? "" : last);
    }

    private static double similarity(String a, String b) {
        return JARO_WINKLER.apply(a, b);
    }

    private static String field(DuplicateReason reason) {
        return switch (reason) {
            case SAME_EMAIL -> "email";
            case SAME_PHONE -> "phone";
            case SAME_PERSON_AT_COMPANY -> "lastName";
        };
    }
}
