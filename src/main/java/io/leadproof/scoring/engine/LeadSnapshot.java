package io.leadproof.scoring.engine;

import io.leadproof.lead.Authority;
import io.leadproof.lead.BudgetStatus;
import io.leadproof.lead.LeadSource;
import io.leadproof.lead.Need;
import io.leadproof.lead.Seniority;
import io.leadproof.lead.Timeline;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A lead's scorable attributes as of one moment. Every attribute may be null when unknown.
 * Custom attribute values are String, Number, Boolean or a List of those; null values are dropped. {@code quality} is
 * the stored data-quality verdict (null: not judged).
 */
public record LeadSnapshot(
        String emailDomain,
        String companyDomain,
        String companyName,
        BigDecimal annualRevenue,
        Integer employeeCount,
        String industry,
        String jobTitle,
        Seniority seniority,
        String country,
        LeadSource source,
        BudgetStatus budgetStatus,
        BigDecimal budgetAmount,
        Authority authority,
        Need need,
        Timeline timeline,
        Map<String, Object> customAttributes,
        Instant createdAt,
        QualityFacts quality) {

    public LeadSnapshot {
        customAttributes = immutableWithoutNulls(customAttributes);
    }

    /** A lead whose data quality was not judged: quality predicates see no status and no finding. */
    public LeadSnapshot(String emailDomain, String companyDomain, String companyName, BigDecimal annualRevenue,
            Integer employeeCount, String industry, String jobTitle, Seniority seniority, String country, LeadSource source,
            BudgetStatus budgetStatus, BigDecimal budgetAmount, Authority authority, Need need, Timeline timeline,
            Map<String, Object> customAttributes, Instant createdAt) {
        this(emailDomain, companyDomain, companyName, annualRevenue, employeeCount, industry, jobTitle, seniority, country,
                source, budgetStatus, budgetAmount, authority, need, timeline, customAttributes, createdAt, null);
    }

    public static LeadSnapshotBuilder builder() {
        return new LeadSnapshotBuilder();
    }

    private static Map<String, Object> immutableWithoutNulls(Map<String, ?> attributes) {
        if (attributes == null || attributes.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        attributes.forEach((key, value) -> {
            if (key != null && value != null) {
                copy.put(key, value instanceof List<?> list ? listWithoutNulls(list) : value);
            }
        });
        return Collections.unmodifiableMap(copy);
    }

    private static List<Object> listWithoutNulls(List<?> list) {
        List<Object> copy = new ArrayList<>(list.size());
        for (Object element : list) {
            if (element != null) {
                copy.add(element);
            }
        }
        return List.copyOf(copy);
    }
}
