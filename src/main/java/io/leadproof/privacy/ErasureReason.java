package io.leadproof.privacy;

import org.eclipse.microprofile.graphql.Description;

@Description("Why a lead was erased (GDPR Art. 17 grounds, CCPA deletion requests). Recorded in the privacy audit.")
public enum ErasureReason {
    @Description("The person asked for their data to be deleted (GDPR Art. 17(1), CCPA right to delete).") DATA_SUBJECT_REQUEST,
    @Description("The person withdrew the consent the processing relied on.") CONSENT_WITHDRAWN,
    @Description("The workspace's retention period for the lead ran out.") RETENTION_EXPIRED,
    @Description("The data should never have been collected or processed.") UNLAWFUL_PROCESSING,
    @Description("A law or a court order requires the deletion.") LEGAL_OBLIGATION,
    @Description("Another ground; say which in the reference of your request tracker.") OTHER
}
