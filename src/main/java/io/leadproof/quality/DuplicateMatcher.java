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
        return compare(prepare(lead), prepare(other));
    }

    /** DUPLICATE issues of {@code lead} against the candidates the key lookup found. */
    public QualityReport check(PersonIdentity lead, List<PersonIdentity> candidates) {
        var issues = new ArrayList<QualityIssue>();
        Compared self = prepare(lead);   // once, not once per candidate
        for (PersonIdentity other : candidates) {
            compare(self, prepare(other)).ifPresent(m -> issues.add(new QualityIssue(QualityCode.DUPLICATE, field(m.reason()),
                    switch (m.reason()) {
                        case SAME_EMAIL -> "same email as lead " + m.otherLeadId();
                        case SAME_PHONE -> "same phone as lead " + m.otherLeadId();
                        case SAME_PERSON_AT_COMPANY -> "same person at the same company as lead " + m.otherLeadId();
                    }, m.otherLeadId())));
        }
        return QualityReport.of(issues);
    }

    /** What the rules above compare of a person, normalised once: a bulk write compares each lead with many candidates. */
    private record Compared(String leadId, String email, String phone, String companyName, String companyDomain,
            String firstName, String lastName) {
    }

    private Compared prepare(PersonIdentity p) {
        return new Compared(p.leadId(), DuplicateKeys.normalisedEmail(p.email()), DuplicateKeys.e164(p.phone(), p.country()),
                DuplicateKeys.companyName(p.companyName()), keys.companyDomain(p), DuplicateKeys.plain(p.firstName()),
                DuplicateKeys.plain(p.lastName()));
    }

    private static Optional<DuplicateMatch> compare(Compared lead, Compared other) {
        if (Objects.equals(lead.leadId(), other.leadId())) {
            return Optional.empty();
        }
        if (lead.email() != null && lead.email().equals(other.email())) {
            return match(lead, other, DuplicateReason.SAME_EMAIL);
        }
        if (lead.phone() != null && lead.phone().equals(other.phone())) {
            return match(lead, other, DuplicateReason.SAME_PHONE);
        }
        if (sameCompany(lead, other) && similarNames(lead, other)) {
            return match(lead, other, DuplicateReason.SAME_PERSON_AT_COMPANY);
        }
        return Optional.empty();
    }

    // the names' similarity only for a match: most candidates of a block are other people (a bulk import compares
    // each new lead with every stored lead of its company and last-name initial)
    private static Optional<DuplicateMatch> match(Compared lead, Compared other, DuplicateReason reason) {
        return Optional.of(new DuplicateMatch(other.leadId(), reason, similarity(fullName(lead), fullName(other))));
    }

    private static boolean sameCompany(Compared a, Compared b) {
        return a.companyName() != null && a.companyName().equals(b.companyName())
                || a.companyDomain() != null && a.companyDomain().equals(b.companyDomain());
    }

    private static boolean similarNames(Compared a, Compared b) {
        if (a.lastName() == null || b.lastName() == null || similarity(a.lastName(), b.lastName()) < LAST_NAME_THRESHOLD) {
            return false;
        }
        String firstA = a.firstName();
        String firstB = b.firstName();
        if (firstA == null || firstB == null) {
            return Objects.equals(firstA, firstB);
        }
        boolean initial = (firstA.length() == 1 || firstB.length() == 1) && firstA.charAt(0) == firstB.charAt(0);
        return initial || similarity(firstA, firstB) >= FIRST_NAME_THRESHOLD;
    }

    private static String fullName(Compared p) {
        return (p.firstName() == null ? "" : p.firstName()) + " " + (p.lastName() == null ? "" : p.lastName());
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
