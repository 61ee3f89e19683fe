package io.leadproof.lead;

import org.eclipse.microprofile.graphql.Description;

@Description("BANT budget: is money in place for a purchase?")
public enum BudgetStatus {
    @Description("Not known yet.") UNKNOWN,
    @Description("No budget.") NONE,
    @Description("Budget is being planned.") PLANNED,
    @Description("Budget is approved and in place.") APPROVED
}
