package io.leadproof.imports;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A mapped deal row, field for field dealsImport's {@code DealImportInput} (without first-call signals; the won amount
 * as a number and an optional currency). {@code externalDealId} keys the row so that a re-upload lands nothing twice.
 */
public record DealRow(String externalDealId, String leadId, String leadExternalId, String leadEmail,
        OffsetDateTime handedOffAt, String ownerId, OffsetDateTime acceptedAt, OffsetDateTime rejectedAt,
        String rejectionReasonCode, String rejectionNotes, OffsetDateTime opportunityAt, String opportunityName,
        OffsetDateTime wonAt, BigDecimal wonAmount, String wonCurrency, OffsetDateTime lostAt, String lostReason,
        OffsetDateTime firstCallAt, String firstCallNotes) {
}
