package io.leadproof.evidence.rejections;

import io.leadproof.evidence.core.ReferenceLead;
import io.leadproof.feedback.RejectionCategory;
import io.leadproof.lead.BudgetStatus;
import io.leadproof.scoring.engine.LeadSnapshot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A hand-built quarter of handoffs. 40 accepted (25 in March, 15 in April): budget approved for 30,
 * unknown for 10; the bottom-of-funnel rule scored the first 20. 20 rejected for NO_BUDGET (12 in
 * March, 8 in April): budget unknown for 16, approved for 4; the bottom-of-funnel rule scored 19.
 * 5 rejected for NO_AUTHORITY in April, budget approved, no offer.
 */
public final class RejectionFixture {
    public static final Instant MARCH = Instant.parse("2025-03-10T10:00:00Z");
    public static final Instant APRIL = Instant.parse("2025-04-10T10:00:00Z");
    static final HandoffCase.RuleHit BUDGET_RULE = new HandoffCase.RuleHit("budget-approved", "Budget in place");
    static final HandoffCase.RuleHit OFFER_RULE = new HandoffCase.RuleHit("bofu-offer", "Bottom-of-funnel offer");

    private RejectionFixture() {
    }

    public static List<HandoffCase> handoffs() {
        List<HandoffCase> handoffs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            handoffs.add(handoff(i, i < 25 ? MARCH : APRIL, HandoffCase.Response.ACCEPTED, null, null, i < 30, i < 20));
        }
        for (int i = 0; i < 20; i++) {
            handoffs.add(handoff(100 + i, i < 12 ? MARCH : APRIL, HandoffCase.Response.REJECTED, "NO_BUDGET",
                    RejectionCategory.BUDGET, i < 4, i < 19));
        }
        for (int i = 0; i < 5; i++) {
            handoffs.add(handoff(200 + i, APRIL, HandoffCase.Response.REJECTED, "NO_AUTHORITY", RejectionCategory.AUTHORITY,
                    true, false));
        }
        return handoffs;
    }

    private static HandoffCase handoff(int n, Instant at, HandoffCase.Response response, String reason,
                                       RejectionCategory category, boolean budgetApproved, boolean offer) {
        LeadSnapshot traits = LeadSnapshot.builder().budgetStatus(budgetApproved ? BudgetStatus.APPROVED : BudgetStatus.UNKNOWN)
                .build();
        ReferenceLead lead = new ReferenceLead(new UUID(0x4E, n), at, traits, null, null, List.of(), at, List.of(), null);
        List<HandoffCase.RuleHit> rules = new ArrayList<>();
        if (budgetApproved) {
            rules.add(BUDGET_RULE);
        }
        if (offer) {
            rules.add(OFFER_RULE);
        }
        return new HandoffCase(at, response, reason, category, rules, lead);
    }
}
