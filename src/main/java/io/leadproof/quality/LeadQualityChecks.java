package io.leadproof.quality;

/**
 * All checks of one lead together: the lead's {@code dataQuality}. Status by the rule of {@link QualityStatus}: the
 * worst impact among the issues of email, phone, names, bounce, duplicates and bots.
 *
 * <p>Thread-safe and cheap to share: build one per {@link DomainLists} instance (rebuild when the lists are
 * refreshed). Typical use on a write: {@code checks.assess(input).status()} stored with the issues, and
 * {@code checks.email().isFreeMail(email)} stored as the FREE_MAIL fact criteria rules read.
 */
public final class LeadQualityChecks {

    private final EmailCheck email;
    private final PhoneCheck phone = new PhoneCheck();
    private final NameCheck names = new NameCheck();
    private final BounceCheck bounce = new BounceCheck();
    private final DuplicateMatcher duplicates;
    private final DuplicateKeys keys;

    public LeadQualityChecks(DomainLists lists) {
        this.email = new EmailCheck(lists);
        this.duplicates = new DuplicateMatcher(lists);
        this.keys = new DuplicateKeys(lists);
    }

    public QualityReport assess(LeadQualityInput in) {
        PersonIdentity lead = in.lead();
        return QualityReport.combine(
                email.check(lead.email(), lead.companyDomain()),
                bounce.check(in.lastBounceAt(), in.emailSetAt(), in.asOf()),
                phone.check(lead.phone(), lead.country()),
                names.check(lead.firstName(), lead.lastName()),
                duplicates.check(lead, in.duplicateCandidates()),
                in.bots());
    }

    public EmailCheck email() {
        return email;
    }

    /** The keys to store for the lead and to look its duplicate candidates up by. */
    public DuplicateKeys duplicateKeys() {
        return keys;
    }
}
