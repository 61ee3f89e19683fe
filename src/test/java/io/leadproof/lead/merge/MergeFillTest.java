package io.leadproof.lead.merge;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.leadproof.lead.Authority;
import io.leadproof.lead.BudgetStatus;
import io.leadproof.lead.LeadProfile;
import io.leadproof.lead.LeadSource;
import io.leadproof.lead.Need;
import io.leadproof.lead.Timeline;

/** The field rule of leadMerge, without Quarkus: the survivor wins, its empty fields and missing custom keys are filled. */
class MergeFillTest {

    private static LeadProfile profile(String externalId, String email, String phone, String jobTitle, BudgetStatus budget,
            Authority authority, LeadSource source, Map<String, String> custom) {
        return new LeadProfile(externalId, email, "Grace", "Hopper", phone, "Navy Labs", null, null, null, null, jobTitle, null,
                source, null, budget, null, authority, Need.UNKNOWN, Timeline.UNKNOWN, null, custom);
    }

    @Test
    void the_survivor_wins_and_takes_only_what_it_lacks() {
        var survivor = profile(null, "grace@navy-labs.com", null, "CTO", BudgetStatus.UNKNOWN, Authority.DECISION_MAKER,
                LeadSource.EVENT, Map.of("plan", "pro"));
        var merged = profile("crm-1", "g.hopper@navy-labs.com", "+14155550132", "VP Engineering", BudgetStatus.APPROVED,
                Authority.INFLUENCER, LeadSource.PAID_SEARCH, Map.of("plan", "basic", "region", "AMER"));

        var fill = MergeFill.of(survivor, merged);

        assertThat(fill.filled()).containsExactly("externalId", "phone", "budgetStatus", "custom.region");
        var p = fill.profile();
        assertThat(p.externalId()).isEqualTo("crm-1");
        assertThat(p.phone()).isEqualTo("+14155550132");
        assertThat(p.budgetStatus()).isEqualTo(BudgetStatus.APPROVED);
        assertThat(p.customAttributes()).containsExactly(Map.entry("region", "AMER"));
        assertThat(p.email()).as("the survivor's email wins").isNull();
        assertThat(p.jobTitle()).isNull();
        assertThat(p.authority()).as("a known value is never replaced").isNull();
        assertThat(p.source()).isNull();
        assertThat(p.need()).as("UNKNOWN on both sides fills nothing").isNull();
    }

    @Test
    void nothing_to_fill_from_an_emptier_lead() {
        var survivor = profile("crm-1", "grace@navy-labs.com", "+14155550132", "CTO", BudgetStatus.APPROVED, Authority.DECISION_MAKER,
                LeadSource.EVENT, Map.of("plan", "pro"));
        var merged = profile(null, null, null, null, BudgetStatus.UNKNOWN, Authority.UNKNOWN, null, null);

        var fill = MergeFill.of(survivor, merged);

        assertThat(fill.filled()).isEmpty();
        assertThat(fill.profile().customAttributes()).isNull();
        assertThat(fill.profile().annualRevenue()).isNull();
    }

    @Test
    void numbers_and_ids_fill_like_text() {
        UUID campaign = UUID.randomUUID();
        var survivor = new LeadProfile(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                BudgetStatus.UNKNOWN, null, Authority.UNKNOWN, Need.UNKNOWN, Timeline.UNKNOWN, null, Map.of());
        var merged = new LeadProfile(null, null, null, null, null, null, "navy-labs.com", new BigDecimal("1200000.00"), 40, null, null,
                "US", null, campaign, BudgetStatus.UNKNOWN, null, Authority.UNKNOWN, Need.HIGH, Timeline.UNKNOWN, "ben", Map.of());

        var fill = MergeFill.of(survivor, merged);

        assertThat(fill.filled()).containsExactly("companyDomain", "annualRevenue", "employeeCount", "country", "campaignId", "need", "ownerId");
        assertThat(fill.profile().campaignId()).isEqualTo(campaign);
    }
}
