package io.leadproof.quality;

/** Every check's finding, with the status it implies (the rule of {@link QualityStatus}). */
public enum QualityCode {
    EMAIL_SYNTAX(QualityStatus.INVALID),
    EMAIL_DISPOSABLE(QualityStatus.INVALID),
    EMAIL_TEST_VALUE(QualityStatus.INVALID),
    EMAIL_BOUNCED(QualityStatus.INVALID),
    EMAIL_ROLE_ACCOUNT(QualityStatus.SUSPECT),
    /** The email's domain is not the company's domain (free-mail addresses excepted: see FREE_MAIL). */
    EMAIL_DOMAIN_MISMATCH(QualityStatus.SUSPECT),
    /** A fact, not a fault: the address is at a free-mail provider. B2B criteria may score it. */
    FREE_MAIL(QualityStatus.VALID),
    PHONE_INVALID(QualityStatus.SUSPECT),
    /** A valid number, but of another country than the lead's. */
    PHONE_COUNTRY_MISMATCH(QualityStatus.SUSPECT),
    NAME_PLACEHOLDER(QualityStatus.SUSPECT),
    NAME_MASH(QualityStatus.SUSPECT),
    DUPLICATE(QualityStatus.SUSPECT),
    BOT_ACTIVITY(QualityStatus.SUSPECT);

    private final QualityStatus impact;

    QualityCode(QualityStatus impact) {
        this.impact = impact;
    }

    public QualityStatus impact() {
        return impact;
    }
}
