package io.leadproof.quality;

import java.time.Instant;
import java.util.List;

/**
 * Outdated contact: once a message to the lead's email bounced (an EMAIL_BOUNCED activity), the email is INVALID
 * from that moment on, until the lead gets another address.
 *
 * <p>Pure: the caller passes the latest bounce of the lead, the moment the current email was set (so that a new
 * address set after the bounce is not condemned by the old one's bounce) and the moment to judge at (the write being
 * made, or a report's as-of), never a clock.
 */
public final class BounceCheck {

    /**
     * @param lastBounceAt  when the latest EMAIL_BOUNCED activity occurred, or null for none
     * @param emailSetAt    when the lead's current email was set, or null when unknown (then every bounce counts)
     * @param asOf          the moment the status is for
     */
    public QualityReport check(Instant lastBounceAt, Instant emailSetAt, Instant asOf) {
        if (lastBounceAt == null || lastBounceAt.isAfter(asOf)) {
            return QualityReport.VALID;
        }
        if (emailSetAt != null && emailSetAt.isAfter(lastBounceAt)) {
            return QualityReport.VALID;
        }
        return QualityReport.of(List.of(new QualityIssue(QualityCode.EMAIL_BOUNCED, "email",
                "mail to this address bounced at " + lastBounceAt)));
    }
}
