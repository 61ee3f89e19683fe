package io.leadproof.lead;

import org.eclipse.microprofile.graphql.Description;

@Description("Kind of behaviour a lead showed; ENGAGEMENT rules award points per occurrence.")
public enum ActivityType {
    @Description("Downloaded an eBook or whitepaper.") EBOOK_DOWNLOAD,
    @Description("Registered for a webinar.") WEBINAR_REGISTERED,
    @Description("Attended a webinar.") WEBINAR_ATTENDED,
    @Description("Submitted a form.") FORM_SUBMITTED,
    @Description("Viewed a web page.") PAGE_VIEW,
    @Description("Viewed the pricing page.") PRICING_PAGE_VIEW,
    @Description("Requested a demo.") DEMO_REQUESTED,
    @Description("Requested a free trial.") TRIAL_STARTED,
    @Description("Opened a marketing email.") EMAIL_OPENED,
    @Description("Clicked a link in a marketing email.") EMAIL_CLICKED,
    @Description("Attended an event or trade-show booth.") EVENT_ATTENDED,
    @Description("Requested contact from sales.") CONTACT_REQUESTED,
    @Description("Unsubscribed from marketing email.") UNSUBSCRIBED,
    @Description("An email to the lead bounced: the address is INVALID from then on; never engagement.") EMAIL_BOUNCED;

    /** Whether ENGAGEMENT rules may count it: a bounce is a fact about the address, not behaviour of the person. */
    public boolean isEngagement() {
        return this != EMAIL_BOUNCED;
    }
}
