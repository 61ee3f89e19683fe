package io.leadproof.lead;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/**
 * Validated, normalised lead attributes as supplied by a caller. A null field means "not
 * supplied": on an update it keeps the stored value. In customAttributes a null value removes the key.
 */
public record LeadProfile(
        String externalId,
        String email,
        String firstName,
        String lastName,
        String phone,
        String companyName,
        String companyDomain,
        BigDecimal annualRevenue,
        Integer employeeCount,
        String industry,
        String jobTitle,
        String country,
        LeadSource source,
        UUID campaignId,
        BudgetStatus budgetStatus,
        BigDecimal budgetAmount,
        Authority authority,
        Need need,
        Timeline timeline,
        String ownerId,
        Map<String, String> customAttributes) {

    public String normalizedEmail() {
        return email == null ? null : EmailAddresses.normalize(email);
    }
}
