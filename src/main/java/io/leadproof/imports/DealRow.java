package io.leadproof.imports;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A mapped deal row: the opportunity {@code name} of a lead and, when closed, how. {@code dealId} keys the row so that
 * a re-upload lands nothing twice.
 */
public record DealRow(String dealId, String leadId, String leadExternalId, String leadEmail, String name,
        DealOutcome outcome, BigDecimal amount, OffsetDateTime closedAt, String lostReason, String ownerId) {
}
