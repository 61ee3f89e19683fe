package io.leadproof.lead;

import org.eclipse.microprofile.graphql.Description;

@Description("Acquisition channel of a lead or a campaign.")
public enum LeadSource {
    @Description("Unpaid search results.") ORGANIC_SEARCH,
    @Description("Paid search ads.") PAID_SEARCH,
    @Description("Paid social ads.") PAID_SOCIAL,
    @Description("Unpaid social media.") ORGANIC_SOCIAL,
    @Description("Email campaigns and newsletters.") EMAIL,
    @Description("Trade shows, webinars and field events.") EVENT,
    @Description("Referrals by customers or contacts.") REFERRAL,
    @Description("Partners and resellers.") PARTNER,
    @Description("Direct traffic.") DIRECT,
    @Description("Purchased or rented lists.") LIST_PURCHASE,
    @Description("Any other channel.") OTHER
}
