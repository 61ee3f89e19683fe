package io.leadproof.quality;

/**
 * What duplicate detection compares of a lead; values as stored (phone in E.164, country ISO alpha-2).
 *
 * @param leadId id of the lead (any string the caller uses; it is echoed in DUPLICATE issues)
 */
public record PersonIdentity(String leadId, String email, String phone, String firstName, String lastName,
        String companyName, String companyDomain, String country) {
}
